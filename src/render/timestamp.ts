// The one instant a generated file records as its creation time: SOURCE_DATE_EPOCH when set
// (reproducible builds), else midnight UTC of the given calendar date. Never the clock.

export function documentTimestamp(fallbackIsoDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${fallbackIsoDate}T00:00:00Z`);
}
