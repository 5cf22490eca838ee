// The one page of the app, as the server sends it: GOV.UK Frontend's layout (without the crown
// or the GOV.UK name) with the four steps. The steps after the first are filled in by
// static/app.js as the user goes; every control is a real form control, usable by keyboard.
import { formatMegabytes } from "../files/limits.js";
import { LIMITS } from "../ingest/limits.js";

export function appPage(): string {
  return `<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head>
<meta charset="utf-8">
<title>boardpack – make a board paper from your tracker</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/app.css">
<script type="module" src="/static/app.js"></script>
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="govuk-service-navigation" role="banner">
  <div class="govuk-width-container">
    <div class="govuk-service-navigation__container">
      <span class="govuk-service-navigation__service-name"><a href="/" class="govuk-service-navigation__link app-service-name">boardpack</a></span>
    </div>
  </div>
</header>
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
  <h1 class="govuk-heading-xl">Make a board paper from your tracker</h1>
  <p class="govuk-body-l">Choose your tracker, check what boardpack understood, choose the board and fill in the paper's details, edit the words, then download the paper in Word and PDF.</p>
  <p class="govuk-body">Everything stays on this computer: your files are read by boardpack here and are not sent anywhere else.</p>

  <ul class="govuk-task-list" id="steps">
    ${step(1, "Your tracker", "Not started", "blue")}
    ${step(2, "Your paper", "Cannot start yet", "grey")}
    ${step(3, "Your words", "Cannot start yet", "grey")}
    ${step(4, "Download", "Cannot start yet", "grey")}
  </ul>

  <div id="error-summary-slot"></div>

  <section id="step-1" class="govuk-!-margin-top-8" aria-labelledby="step-1-heading">
    <h2 class="govuk-heading-l" id="step-1-heading">1 · Your tracker</h2>
    <form id="tracker-form" class="app-drop-zone" novalidate>
      <div class="govuk-form-group" id="tracker-group">
        <label class="govuk-label govuk-label--m" for="tracker-file">Choose your tracker</label>
        <div class="govuk-hint" id="tracker-file-hint">An Excel workbook (.xlsx) or a .csv file, up to ${formatMegabytes(LIMITS.maxFileBytes)}. You can also drop it here.</div>
        <p class="govuk-error-message" id="tracker-file-error" hidden></p>
        <input class="govuk-file-upload" id="tracker-file" name="tracker" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-describedby="tracker-file-hint">
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Read the tracker</button>
    </form>
    <p class="govuk-body app-status" id="tracker-status" role="status" aria-live="polite"></p>
    <div id="tracker-result"></div>
    <form id="last-form" class="govuk-!-margin-top-6" novalidate hidden>
      <div class="govuk-form-group" id="last-group">
        <label class="govuk-label govuk-label--m" for="last-file">Last time's tracker (optional)</label>
        <div class="govuk-hint" id="last-file-hint">The tracker as it was for the last board. The paper then says what has moved since: actions completed, dates slipped, RAG ratings changed.</div>
        <p class="govuk-error-message" id="last-file-error" hidden></p>
        <input class="govuk-file-upload" id="last-file" name="last" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-describedby="last-file-hint">
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Compare with last time</button>
    </form>
    <p class="govuk-body app-status" id="last-status" role="status" aria-live="polite"></p>
  </section>

  <section id="step-2" class="govuk-!-margin-top-8" aria-labelledby="step-2-heading" hidden>
    <h2 class="govuk-heading-l" id="step-2-heading">2 · Your paper</h2>
    <form id="paper-form" novalidate>
      <div class="govuk-form-group">
        <fieldset class="govuk-fieldset" aria-describedby="style-hint">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Which board is the paper for?</legend>
          <div class="govuk-hint" id="style-hint">Each board has its own format (house style).</div>
          <div class="govuk-radios" data-module="govuk-radios" id="style-choices"></div>
          <p class="govuk-body govuk-!-margin-top-2" id="style-unavailable"></p>
        </fieldset>
      </div>
      <div id="report-choice"></div>
      <div id="header-fields"></div>
    </form>
  </section>

  <section id="step-3" class="govuk-!-margin-top-8" aria-labelledby="step-3-heading" hidden>
    <h2 class="govuk-heading-l" id="step-3-heading">3 · Your words</h2>
    <p class="govuk-body">This is the paper's text. Change it as you would in Word; the preview beside it follows as you type. Words in double curly brackets, such as <code class="app-code">{{count "complete"}}</code>, are filled in from your tracker.</p>
    <div id="problems-slot" aria-live="polite"></div>
    <div class="app-editor-row">
      <div>
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="words">The paper's words</label>
          <div class="govuk-hint" id="words-hint">Headings start with #, lists with -, and a blank line starts a new paragraph.</div>
          <textarea class="govuk-textarea app-editor" id="words" name="words" rows="30" spellcheck="true" aria-describedby="words-hint"></textarea>
        </div>
        <details class="govuk-details" open>
          <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Values you can insert</span></summary>
          <div class="govuk-details__text">
            <p class="govuk-body-s">Choose Insert to put a value where the cursor is in the words. Each shows what it gives for your tracker now.</p>
            <div class="app-values" id="values" tabindex="0" role="region" aria-label="Values you can insert"></div>
          </div>
        </details>
      </div>
      <div>
        <h3 class="govuk-heading-s" id="preview-heading">Preview</h3>
        <p class="govuk-body-s app-status" id="preview-status" role="status"></p>
        <iframe class="app-preview-frame" id="preview" src="/preview" title="Preview of the paper"></iframe>
      </div>
    </div>
  </section>

  <section id="step-4" class="govuk-!-margin-top-8" aria-labelledby="step-4-heading" hidden>
    <h2 class="govuk-heading-l" id="step-4-heading">4 · Download</h2>
    <p class="govuk-body">Save each file where you keep the board's papers. Keep the paper's words file (.md) with your tracker: next month, boardpack can start from this month's words.</p>
    <div class="govuk-button-group" id="downloads">
      <button type="button" class="govuk-button" data-download="docx">Download the paper (Word)</button>
      <button type="button" class="govuk-button govuk-button--secondary" data-download="pdf">Download the paper (PDF)</button>
      <button type="button" class="govuk-button govuk-button--secondary" data-download="html">Download the paper (web page)</button>
      <button type="button" class="govuk-button govuk-button--secondary" data-download="tracker">Download the standard RAG tracker (Excel)</button>
      <button type="button" class="govuk-button govuk-button--secondary" data-download="plan">Download plan.json</button>
      <button type="button" class="govuk-button govuk-button--secondary" data-download="spec">Download the paper's words (.md)</button>
    </div>
    <p class="govuk-body app-status" id="download-status" role="status" aria-live="polite"></p>
  </section>
</main>
</div>
<footer class="govuk-footer">
  <div class="govuk-width-container">
    <p class="govuk-body-s">boardpack runs on this computer only. Stop it by closing the window where it was started, or with Ctrl+C there.</p>
  </div>
</footer>
</body>
</html>
`;
}

function step(n: number, name: string, status: string, colour: string): string {
  return `<li class="govuk-task-list__item govuk-task-list__item--with-link" id="step-${n}-item">
      <div class="govuk-task-list__name-and-hint"><a class="govuk-link govuk-task-list__link" href="#step-${n}" aria-describedby="step-${n}-status">${n} · ${name}</a></div>
      <div class="govuk-task-list__status" id="step-${n}-status"><strong class="govuk-tag govuk-tag--${colour}">${status}</strong></div>
    </li>`;
}

/** The preview frame's own page: the paper's stylesheet and a place for the paper. */
export function previewPage(): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Preview of the paper</title>
<link rel="stylesheet" href="/static/paper.css">
<link rel="stylesheet" href="/static/preview.css">
</head>
<body>
<div id="paper"><main class="paper"><h1>Preview</h1><p>The preview appears here once you have chosen your tracker and the board.</p></main></div>
</body>
</html>
`;
}
