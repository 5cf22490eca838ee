// The page's behaviour (no framework): each step asks the local server, which runs boardpack's
// own pipeline, and shows the answer. Everything is built with DOM calls and textContent, so
// nothing from a tracker is ever read as HTML; the only HTML taken from the server is the
// paper preview, which boardpack's HTML writer escapes.

const state = {
  session: null,
  view: null,
  reports: [],
  styles: null,
  style: null,
  seq: 0,
  shown: 0,
  timer: null,
  lastPaper: null,
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

async function post(path, body) {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => ({ refused: "boardpack did not answer as expected. Is it still running?" }));
  return { ok: response.ok, status: response.status, json };
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many ?? `${one}s`}`;
}

function setStep(n, text, colour) {
  const status = $(`step-${n}-status`);
  status.replaceChildren(el("strong", { class: `govuk-tag govuk-tag--${colour}`, text }));
}

// ---- errors at the top of the page (GOV.UK error summary) ----

function showErrorSummary(items, title = "There is a problem") {
  const slot = $("error-summary-slot");
  if (items.length === 0) {
    slot.replaceChildren();
    return;
  }
  const summary = el(
    "div",
    { class: "govuk-error-summary", tabindex: "-1" },
    el(
      "div",
      { role: "alert" },
      el("h2", { class: "govuk-error-summary__title", text: title }),
      el("div", { class: "govuk-error-summary__body" }, el("ul", { class: "govuk-list govuk-error-summary__list" }, items.map((item) => el("li", {}, item.href ? el("a", { href: item.href, text: item.text }) : item.text)))),
    ),
  );
  slot.replaceChildren(summary);
  summary.focus();
}

// ---- step 1: the tracker ----

function setupTrackerStep() {
  const form = $("tracker-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const file = $("tracker-file").files[0];
    if (!file) {
      trackerRefused("Choose a tracker file (.xlsx or .csv)");
      return;
    }
    void upload(file);
  });
  $("tracker-file").addEventListener("change", () => {
    const file = $("tracker-file").files[0];
    if (file) void upload(file);
  });
  form.addEventListener("dragover", (event) => {
    event.preventDefault();
    form.classList.add("app-drop-zone--over");
  });
  form.addEventListener("dragleave", () => form.classList.remove("app-drop-zone--over"));
  form.addEventListener("drop", (event) => {
    event.preventDefault();
    form.classList.remove("app-drop-zone--over");
    const file = event.dataTransfer?.files[0];
    if (file) void upload(file);
  });
}

// ---- step 1, optionally: last time's tracker, so the paper says what moved ----

function setupLastTrackerStep() {
  $("last-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const file = $("last-file").files[0];
    if (!file) lastRefused("Choose last time's tracker (.xlsx or .csv)");
    else void uploadLast(file);
  });
  $("last-file").addEventListener("change", () => {
    const file = $("last-file").files[0];
    if (file) void uploadLast(file);
  });
}

function lastRefused(message) {
  $("last-group").classList.add("govuk-form-group--error");
  const error = $("last-file-error");
  error.hidden = false;
  error.replaceChildren(el("span", { class: "govuk-visually-hidden", text: "Error: " }), message);
  $("last-file").setAttribute("aria-describedby", "last-file-hint last-file-error");
  $("last-status").textContent = "";
}

async function uploadLast(file) {
  $("last-group").classList.remove("govuk-form-group--error");
  $("last-file-error").hidden = true;
  $("last-file").setAttribute("aria-describedby", "last-file-hint");
  $("last-status").textContent = `Comparing ${file.name} with ${state.view?.file ?? "your tracker"}…`;
  let response;
  try {
    response = await fetch("/api/last-tracker", { method: "POST", headers: { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent(file.name), "X-Session": state.session ?? "" }, body: file });
  } catch {
    lastRefused("boardpack did not answer. Is it still running?");
    return;
  }
  const json = await response.json().catch(() => ({ refused: "boardpack did not answer as expected." }));
  if (!response.ok) {
    lastRefused(json.refused ?? "The file cannot be read.");
    return;
  }
  $("last-status").textContent = json.summary;
  schedulePreview({ values: true, now: true });
}

function trackerRefused(message) {
  $("tracker-group").classList.add("govuk-form-group--error");
  const error = $("tracker-file-error");
  error.hidden = false;
  error.replaceChildren(el("span", { class: "govuk-visually-hidden", text: "Error: " }), message);
  $("tracker-file").classList.add("govuk-file-upload--error");
  $("tracker-file").setAttribute("aria-describedby", "tracker-file-hint tracker-file-error");
  $("tracker-status").textContent = "";
  showErrorSummary([{ text: message, href: "#tracker-file" }]);
  setStep(1, "Cannot read", "red");
}

function clearTrackerError() {
  $("tracker-group").classList.remove("govuk-form-group--error");
  $("tracker-file-error").hidden = true;
  $("tracker-file").classList.remove("govuk-file-upload--error");
  $("tracker-file").setAttribute("aria-describedby", "tracker-file-hint");
  showErrorSummary([]);
}

async function upload(file) {
  clearTrackerError();
  $("tracker-status").textContent = `Reading ${file.name}…`;
  endSession();
  let response;
  try {
    response = await fetch("/api/tracker", { method: "POST", headers: { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent(file.name) }, body: file });
  } catch {
    trackerRefused("boardpack did not answer. Is it still running?");
    return;
  }
  const json = await response.json().catch(() => ({ refused: "boardpack did not answer as expected." }));
  if (!response.ok) {
    trackerRefused(json.refused ?? "The file cannot be read.");
    return;
  }
  trackerRead(json);
}

function trackerRead(answer) {
  state.session = answer.session;
  state.view = answer.view;
  state.reports = answer.reports;
  const view = answer.view;
  $("tracker-status").textContent = view.ready ? `Read ${view.file}.` : `Read ${view.file}: it has errors to put right.`;
  renderTracker(view);
  $("last-form").hidden = !view.ready;
  $("last-status").textContent = "";
  if (view.ready) {
    setStep(1, "Done", "green");
    void openPaperStep();
  } else {
    setStep(1, "Has errors", "red");
    for (const n of [2, 3, 4]) {
      $(`step-${n}`).hidden = true;
      setStep(n, "Cannot start yet", "grey");
    }
    const errors = view.messages.filter((m) => m.severity === "error");
    showErrorSummary(
      errors.map((m) => ({ text: `${m.place ? `${m.place}: ` : ""}${m.message}`, href: m.rowKey ? `#${rowId(m.rowKey)}` : "#messages-heading" })),
      `Your tracker has ${plural(errors.length, "error")}: put ${errors.length === 1 ? "it" : "them"} right in Excel, save, and choose the tracker again`,
    );
  }
}

function rowId(key) {
  return `row-${key.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

function renderTracker(view) {
  const parts = [];
  parts.push(el("h3", { class: "govuk-heading-m", text: view.title ? `What boardpack understood: “${view.title}”` : "What boardpack understood" }));
  if (view.counts) parts.push(renderCounts(view.counts));
  parts.push(renderColumns(view));
  parts.push(renderMessages(view));
  if (view.rows.length > 0) parts.push(renderRows(view));
  $("tracker-result").replaceChildren(...parts);
}

function countCard(label, number, id) {
  return el("div", { class: "app-count", id }, el("span", { class: "app-count__number", text: String(number) }), label);
}

function renderCounts(counts) {
  const box = el("div", { id: "counts" });
  const cards = [countCard(counts.actions === 1 ? "action" : "actions", counts.actions, "count-actions"), countCard(counts.themes === 1 ? "theme" : "themes", counts.themes, "count-themes")];
  if (counts.reports > 0) cards.push(countCard(counts.reports === 1 ? "inspection report" : "inspection reports", counts.reports, "count-reports"), countCard("recommendations and areas for improvement", counts.recommendations, "count-recommendations"));
  box.append(el("div", { class: "app-counts" }, cards));
  if (counts.actions > 0) {
    const statusRows = counts.status.filter((s) => s.count > 0 || s.key !== "none");
    const ragRows = counts.rag.filter((s) => s.count > 0 || s.key !== "none");
    box.append(
      el("div", { class: "govuk-grid-row" },
        el("div", { class: "govuk-grid-column-one-third" }, simpleTable("Actions by status", ["Status", "Actions"], statusRows.map((s) => [s.label, String(s.count)]), "status-counts")),
        el("div", { class: "govuk-grid-column-one-third" }, simpleTable("Actions by RAG rating", ["RAG", "Actions"], ragRows.map((s) => [ragTag(s.key, s.label), String(s.count)]), "rag-counts")),
        el("div", { class: "govuk-grid-column-one-third" }, simpleTable("Actions by theme", ["Theme", "Actions", "Complete"], counts.byTheme.map((t) => [t.title, String(t.total), String(t.complete)]), "theme-counts")),
      ),
    );
  }
  return box;
}

function ragTag(key, label) {
  return key === "none" ? label : el("span", { class: `app-rag app-rag--${key}`, text: label });
}

function simpleTable(caption, headers, rows, id) {
  return el(
    "table",
    { class: "govuk-table", id },
    el("caption", { class: "govuk-table__caption govuk-table__caption--s", text: caption }),
    el("thead", { class: "govuk-table__head" }, el("tr", { class: "govuk-table__row" }, headers.map((h, i) => el("th", { scope: "col", class: `govuk-table__header${i > 0 ? " govuk-table__header--numeric" : ""}`, text: h })))),
    el("tbody", { class: "govuk-table__body" }, rows.map((row) => el("tr", { class: "govuk-table__row" }, row.map((cell, i) => (i === 0 ? el("th", { scope: "row", class: "govuk-table__header" }, cell) : el("td", { class: "govuk-table__cell govuk-table__cell--numeric" }, cell)))))),
  );
}

function renderColumns(view) {
  const box = el("div", { id: "columns" }, el("h3", { class: "govuk-heading-m", text: "Which column became which field" }));
  for (const sheet of view.sheets) {
    box.append(
      simpleTable(
        `${sheet.name === null ? "Columns" : `Sheet ‘${sheet.name}’`} (header on row ${sheet.headerRow})`,
        ["Column", "Header in your tracker", "Read as"],
        sheet.columns.map((c) => [c.letter, c.header, c.field ? fieldLabel(view, c.field) : `kept as an extra column${c.note ? ` (${c.note})` : ""}`]),
      ),
    );
  }
  box.append(renderMappingForm(view));
  return box;
}

function fieldLabel(view, field) {
  return view.mapping.find((m) => m.field === field)?.label ?? field;
}

function renderMappingForm(view) {
  const details = el("details", { class: "govuk-details", id: "mapping-details" }, el("summary", { class: "govuk-details__summary" }, el("span", { class: "govuk-details__summary-text", text: "Change which column feeds a field" })));
  const body = el("div", { class: "govuk-details__text" });
  body.append(el("p", { class: "govuk-body", text: "If boardpack read a column wrongly, choose the right one here. Your choices can be saved as a mapping file, to use with boardpack's command line (--map) next time." }));
  const form = el("form", { id: "mapping-form", novalidate: true });
  for (const m of view.mapping) {
    const id = `map-${m.field}`;
    const options = [];
    if (m.header === null) options.push(el("option", { value: "", text: "(no column)", selected: true }));
    for (const header of view.headers) options.push(el("option", { value: header, text: header, selected: m.header === header }));
    form.append(
      el("div", { class: "govuk-form-group" },
        el("label", { class: "govuk-label", for: id, text: m.label }),
        el("select", { class: "govuk-select", id, name: m.field, "data-field": m.field, onchange: () => void changeMapping() }, options),
      ),
    );
  }
  body.append(form);
  body.append(el("button", { type: "button", class: "govuk-button govuk-button--secondary", id: "download-mapping", onclick: () => void download("mapping") }, "Download the mapping file"));
  details.append(body);
  if (Object.keys(view.overrides).length > 0) details.open = true;
  return details;
}

async function changeMapping() {
  const overrides = { ...state.view.overrides };
  for (const select of document.querySelectorAll("#mapping-form select")) {
    const field = select.dataset.field;
    const current = state.view.mapping.find((m) => m.field === field);
    if (select.value !== "" && select.value !== current.header) overrides[field] = select.value;
  }
  const focused = document.activeElement?.id;
  $("tracker-status").textContent = "Reading the tracker again with your column choices…";
  const { ok, json } = await post("/api/mapping", { session: state.session, overrides });
  if (!ok) {
    showErrorSummary([{ text: json.refused }]);
    return;
  }
  trackerRead(json);
  // Keep the keyboard where it was: the form was drawn again.
  if (focused) $(focused)?.focus();
}

function renderMessages(view) {
  const box = el("div", { id: "messages" }, el("h3", { class: "govuk-heading-m", id: "messages-heading", text: "Messages about your tracker" }));
  if (view.messages.length === 0) {
    box.append(el("p", { class: "govuk-body", text: "None: boardpack read every row." }));
    return box;
  }
  const groups = [
    ["error", "Errors (these stop the paper: put them right in Excel)"],
    ["warning", "Warnings (check these)"],
    ["info", "Notes"],
  ];
  for (const [severity, title] of groups) {
    const messages = view.messages.filter((m) => m.severity === severity);
    if (messages.length === 0) continue;
    box.append(el("h4", { class: "govuk-heading-s", id: `messages-${severity}`, text: `${title}: ${messages.length}` }));
    box.append(
      el("ul", { class: "govuk-list govuk-list--bullet", "data-severity": severity },
        messages.map((m) =>
          el("li", {},
            m.place ? el("strong", { text: `${m.place}: ` }) : null,
            m.message,
            m.rowKey ? [" ", el("a", { class: "govuk-link", href: `#${rowId(m.rowKey)}`, onclick: () => highlightRow(m.rowKey), text: "see the row" })] : null,
          ),
        ),
      ),
    );
  }
  return box;
}

function highlightRow(key) {
  for (const row of document.querySelectorAll(".app-row--target")) row.classList.remove("app-row--target");
  $(rowId(key))?.classList.add("app-row--target");
}

function renderRows(view) {
  const recs = view.rowKind === "recommendations";
  const headers = recs ? ["Where", "No.", "Report", "Recommendation", "Addressed to", "Response", "Status", "RAG"] : ["Where", "Ref", "Theme", "Action", "Owner", "Due", "Status", "RAG"];
  const table = el(
    "table",
    { class: "govuk-table", id: "actions-table" },
    el("caption", { class: "govuk-table__caption govuk-table__caption--m", text: recs ? "The recommendations" : "The actions" }),
    el("thead", { class: "govuk-table__head" }, el("tr", { class: "govuk-table__row" }, headers.map((h) => el("th", { scope: "col", class: "govuk-table__header", text: h })))),
    el("tbody", { class: "govuk-table__body" },
      view.rows.map((r) =>
        el("tr", { class: "govuk-table__row", id: rowId(r.key), tabindex: "-1" },
          el("td", { class: "govuk-table__cell", text: r.place }),
          el("td", { class: "govuk-table__cell", text: r.ref }),
          el("td", { class: "govuk-table__cell", text: r.theme }),
          el("td", { class: "govuk-table__cell", text: r.title }),
          el("td", { class: "govuk-table__cell", text: r.owner }),
          el("td", { class: "govuk-table__cell", text: r.due }),
          el("td", { class: "govuk-table__cell", text: r.status }),
          el("td", { class: `govuk-table__cell${r.rag ? ` app-rag app-rag--${r.rag}` : ""}`, text: r.ragLabel }),
        ),
      ),
    ),
  );
  return el("div", { class: "app-table-scroll", tabindex: "0", role: "region", "aria-label": recs ? "The recommendations" : "The actions" }, table);
}

// ---- step 2: the paper ----

async function openPaperStep() {
  $("step-2").hidden = false;
  setStep(2, "In progress", "blue");
  if (!state.styles) {
    const response = await fetch("/api/styles");
    state.styles = (await response.json()).styles;
  }
  const choices = $("style-choices");
  const hasReports = state.reports.length > 0;
  const hasActions = state.view.counts?.actions > 0;
  const usable = (s) => (s.name === "section-55" ? hasReports : hasActions);
  const unusable = state.styles.filter((s) => !usable(s));
  choices.replaceChildren(
    ...state.styles.filter(usable).map((s) => {
      const id = `style-${s.name}`;
      return el("div", { class: "govuk-radios__item" },
        el("input", { class: "govuk-radios__input", id, name: "style", type: "radio", value: s.name, "aria-describedby": `${id}-hint`, checked: state.style === s.name, onchange: () => chooseStyle(s.name) }),
        el("label", { class: "govuk-label govuk-radios__label", for: id, text: s.label }),
        el("div", { class: "govuk-hint govuk-radios__hint", id: `${id}-hint`, text: s.description !== s.label ? s.description : `The ${s.name} house style.` }),
      );
    }),
  );
  // What this tracker cannot make, said in words rather than by greyed-out choices.
  $("style-unavailable").textContent = unusable.length === 0 ? "" : `${unusable.map((s) => s.label).join(", ")}: ${hasActions ? "needs a tracker of inspection recommendations" : "needs a tracker of actions"}.`;
  if (state.style && !usable(styleByName(state.style))) state.style = null;
  if (state.style) chooseStyle(state.style, { keepWords: true });
}

function styleByName(name) {
  return state.styles.find((s) => s.name === name);
}

function chooseStyle(name, { keepWords = false } = {}) {
  state.style = name;
  const style = styleByName(name);
  renderReportChoice(style);
  renderHeaderFields(style);
  if (!keepWords) $("words").value = style.defaults.body;
  $("step-3").hidden = false;
  $("step-4").hidden = false;
  setStep(2, "Done", "green");
  setStep(3, "In progress", "blue");
  setStep(4, "Ready", "blue");
  schedulePreview({ values: true, now: true });
}

function renderReportChoice(style) {
  const slot = $("report-choice");
  if (style.name !== "section-55") {
    slot.replaceChildren();
    return;
  }
  const fieldset = el("fieldset", { class: "govuk-fieldset" }, el("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--m", text: "Which report is this the response to?" }));
  const radios = el("div", { class: "govuk-radios", id: "report-choices" });
  state.reports.forEach((r, i) => {
    const id = `report-${i}`;
    const missing = r.missing.length;
    const hint = el("div", { class: "govuk-hint govuk-radios__hint", id: `${id}-hint` },
      el("span", { class: "app-report-deadline", text: `Published ${r.published}. Response due by ${r.deadline}: ${r.clock}.` }),
      el("br"),
      // The same words as `boardpack check` and `s55 --list`.
      `${r.missingText.charAt(0).toUpperCase()}${r.missingText.slice(1)}.`,
      missing === 0 ? "" : [" So the paper will be a draft. Fill in: ", r.missing.map((m) => `${m.label} (${m.cell})`).join("; "), "."],
    );
    radios.append(
      el("div", { class: "govuk-radios__item" },
        el("input", { class: "govuk-radios__input", id, name: "report", type: "radio", value: r.id, "aria-describedby": `${id}-hint`, checked: i === 0, onchange: () => schedulePreview({ now: true }) }),
        el("label", { class: "govuk-label govuk-radios__label", for: id, text: r.title }),
        hint,
      ),
    );
  });
  fieldset.append(radios);
  slot.replaceChildren(el("div", { class: "govuk-form-group" }, fieldset));
}

function textInput(id, label, value, hint, required) {
  const group = el("div", { class: "govuk-form-group", id: `${id}-group` });
  group.append(el("label", { class: "govuk-label", for: id, text: required ? label : `${label} (optional)` }));
  if (hint) group.append(el("div", { class: "govuk-hint", id: `${id}-hint`, text: hint }));
  group.append(el("p", { class: "govuk-error-message", id: `${id}-error`, hidden: true }));
  group.append(el("input", { class: "govuk-input", id, type: "text", value: value ?? "", "aria-describedby": hint ? `${id}-hint` : undefined, oninput: () => schedulePreview() }));
  return group;
}

function renderHeaderFields(style) {
  const slot = $("header-fields");
  const parts = [el("h3", { class: "govuk-heading-m", text: "The paper's details" })];
  for (const f of style.fields) {
    parts.push(textInput(`field-${f.name}`, f.label, style.defaults.fields[f.name] ?? "", f.hint, style.required.includes(f.name)));
  }
  if (style.committees) {
    const list = el("div", { id: "committees" });
    const add = (c = { name: "", date: "" }) => {
      const i = list.children.length;
      list.append(
        el("fieldset", { class: "govuk-fieldset govuk-!-margin-bottom-4", "data-committee": String(i) },
          el("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s", text: `Committee ${i + 1}` }),
          textInput(`committees-${i}-name`, "Committee", c.name, "For example Police Committee", i === 0),
          textInput(`committees-${i}-date`, "Meeting date", c.date, "For example 15/12/2016", false),
        ),
      );
    };
    (style.defaults.committees.length ? style.defaults.committees : [{ name: "", date: "" }]).forEach(add);
    parts.push(el("h3", { class: "govuk-heading-s", text: "Committees" }), list, el("button", { type: "button", class: "govuk-button govuk-button--secondary", onclick: () => add() }, "Add another committee"));
  }
  if (style.contacts) {
    const list = el("div", { id: "contacts" });
    const add = () => {
      const i = list.children.length;
      list.append(
        el("fieldset", { class: "govuk-fieldset govuk-!-margin-bottom-4", "data-contact": String(i) },
          el("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s", text: `Contact ${i + 1}` }),
          ["name", "role", "unit", "force", "phone", "email"].map((k) => textInput(`contacts-${i}-${k}`, { name: "Name", role: "Role", unit: "Unit or department", force: "Force", phone: "Telephone", email: "Email" }[k], "", undefined, false)),
        ),
      );
    };
    add();
    parts.push(el("h3", { class: "govuk-heading-s", text: "Contacts" }), list, el("button", { type: "button", class: "govuk-button govuk-button--secondary", onclick: () => add() }, "Add another contact"));
  }
  slot.replaceChildren(...parts);
}

function currentForm() {
  const style = styleByName(state.style);
  const fields = {};
  for (const f of style.fields) fields[f.name] = $(`field-${f.name}`)?.value ?? "";
  const committees = [...document.querySelectorAll("[data-committee]")].map((_, i) => ({ name: $(`committees-${i}-name`).value, date: $(`committees-${i}-date`).value }));
  const contacts = [...document.querySelectorAll("[data-contact]")].map((_, i) => Object.fromEntries(["name", "role", "unit", "force", "phone", "email"].map((k) => [k, $(`contacts-${i}-${k}`).value])));
  const form = { style: state.style, fields, committees, contacts, body: $("words").value };
  if (state.style === "section-55") {
    const chosen = document.querySelector("input[name=report]:checked");
    if (chosen) form.report = chosen.value;
  }
  return form;
}

// ---- step 3: the words and the live preview ----

function setupWordsStep() {
  $("words").addEventListener("input", () => schedulePreview());
}

function schedulePreview({ values = false, now = false } = {}) {
  clearTimeout(state.timer);
  state.wantValues = state.wantValues || values;
  state.timer = setTimeout(() => void refreshPreview(), now ? 0 : 120);
}

async function refreshPreview() {
  if (!state.session || !state.style) return;
  const seq = ++state.seq;
  const values = state.wantValues;
  state.wantValues = false;
  $("preview-status").textContent = "Updating the preview…";
  const { ok, json } = await post("/api/paper", { session: state.session, form: currentForm(), values });
  // An answer to an older edit is not shown over a newer one.
  if (seq < state.shown) return;
  state.shown = seq;
  if (!ok) {
    showErrorSummary([{ text: json.refused }]);
    return;
  }
  state.lastPaper = json;
  if (json.values) renderValues(json.values);
  renderProblems(json.problems);
  if (json.html !== null) {
    const frame = $("preview");
    const target = frame.contentDocument?.getElementById("paper");
    if (target) target.innerHTML = json.html;
    $("preview-status").textContent = json.draft ? "Preview up to date (a draft: some responses are missing)." : "Preview up to date.";
    setStep(3, "Done", "green");
    setStep(4, "Ready", "blue");
  } else {
    $("preview-status").textContent = "The preview waits until the mistakes listed above the words are put right.";
    setStep(3, "Has mistakes", "red");
    setStep(4, "Cannot start yet", "grey");
  }
}

function renderProblems(problems) {
  for (const group of document.querySelectorAll("#header-fields .govuk-form-group--error")) {
    group.classList.remove("govuk-form-group--error");
    group.querySelector(".govuk-error-message").hidden = true;
    group.querySelector("input")?.classList.remove("govuk-input--error");
  }
  const slot = $("problems-slot");
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const parts = [];
  if (errors.length > 0) {
    parts.push(
      el("div", { class: "govuk-error-summary", id: "problems" },
        el("h3", { class: "govuk-error-summary__title", text: `The paper has ${plural(errors.length, "mistake")}` }),
        el("div", { class: "govuk-error-summary__body" },
          el("ul", { class: "govuk-list govuk-error-summary__list app-problem-list" }, errors.map(problemItem)),
        ),
      ),
    );
  }
  if (warnings.length > 0) {
    parts.push(
      el("div", { class: "govuk-inset-text", id: "warnings" },
        el("h3", { class: "govuk-heading-s", text: `${plural(warnings.length, "warning")}` }),
        el("ul", { class: "govuk-list govuk-list--bullet" }, warnings.map(problemItem)),
      ),
    );
  }
  slot.replaceChildren(...parts);
  for (const p of errors) {
    if (!p.field) continue;
    const id = p.field.includes(".") ? p.field.replace(/\./g, "-") : `field-${p.field}`;
    const input = $(id);
    if (!input) continue;
    const group = input.closest(".govuk-form-group");
    group.classList.add("govuk-form-group--error");
    input.classList.add("govuk-input--error");
    const message = group.querySelector(".govuk-error-message");
    message.hidden = false;
    message.replaceChildren(el("span", { class: "govuk-visually-hidden", text: "Error: " }), p.message);
  }
}

function problemItem(p) {
  const where = p.editorLine ? `Line ${p.editorLine}` : p.field ? "In the paper's details" : "";
  const target = p.editorLine ? "#words" : p.field ? `#${p.field.includes(".") ? p.field.replace(/\./g, "-") : `field-${p.field}`}` : null;
  const text = `${where ? `${where}: ` : ""}${p.message}`;
  return el("li", { class: "app-problem", "data-line": p.editorLine ?? "" },
    target ? el("a", { href: target, text, onclick: (event) => goToProblem(event, p) }) : text,
    el("br"),
    el("span", { class: "govuk-body-s app-code", text: `As boardpack's command line says it: ${p.cli}` }),
  );
}

function goToProblem(event, p) {
  if (!p.editorLine) return;
  event.preventDefault();
  const words = $("words");
  const lines = words.value.split("\n");
  const start = lines.slice(0, p.editorLine - 1).reduce((n, line) => n + line.length + 1, 0);
  const end = start + (lines[p.editorLine - 1]?.length ?? 0);
  words.focus();
  words.setSelectionRange(start, end);
  // Bring the line into view: about 1.5em a line.
  const lineHeight = parseFloat(getComputedStyle(words).lineHeight) || 24;
  words.scrollTop = Math.max(0, (p.editorLine - 3) * lineHeight);
}

function renderValues(values) {
  const table = el(
    "table",
    { class: "govuk-table", id: "values-table" },
    el("caption", { class: "govuk-table__caption govuk-visually-hidden", text: "Values you can insert" }),
    el("thead", { class: "govuk-table__head" }, el("tr", { class: "govuk-table__row" }, ["Value", "What it gives now", ""].map((h, i) => el("th", { scope: "col", class: "govuk-table__header" }, i === 2 ? el("span", { class: "govuk-visually-hidden", text: "Insert" }) : h)))),
    el("tbody", { class: "govuk-table__body" },
      values.map((v) =>
        el("tr", { class: "govuk-table__row" },
          el("td", { class: "govuk-table__cell" }, el("span", { text: v.meaning }), el("br"), el("code", { class: "app-code", text: v.template })),
          el("td", { class: "govuk-table__cell", text: v.kind === "part" ? "(a table or list)" : v.value }),
          el("td", { class: "govuk-table__cell" }, el("button", { type: "button", class: "govuk-button govuk-button--secondary govuk-!-margin-bottom-0", "data-insert": v.template, onclick: () => insertValue(v) }, "Insert", el("span", { class: "govuk-visually-hidden", text: ` ${v.meaning}` }))),
        ),
      ),
    ),
  );
  $("values").replaceChildren(table);
}

function insertValue(v) {
  const words = $("words");
  const start = words.selectionStart ?? words.value.length;
  const end = words.selectionEnd ?? start;
  const text = v.kind === "part" ? `\n\n${v.template}\n\n` : v.template;
  words.setRangeText(text, start, end, "end");
  words.focus();
  schedulePreview({ now: true });
}

// ---- step 4: downloads ----

function setupDownloads() {
  for (const button of document.querySelectorAll("[data-download]")) {
    button.addEventListener("click", () => void download(button.dataset.download));
  }
}

async function download(what) {
  const status = what === "mapping" ? $("tracker-status") : $("download-status");
  status.textContent = "Making the file…";
  const body = { session: state.session, what };
  if (what !== "mapping") body.form = currentForm();
  const response = await fetch("/api/download", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) {
    const json = await response.json().catch(() => ({ refused: "The file could not be made." }));
    status.textContent = "";
    showErrorSummary([{ text: json.refused, href: json.problems ? "#problems" : undefined }]);
    return;
  }
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? "download");
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  status.textContent = `Saved ${name}.`;
}

// ---- the session ends with the page ----

function endSession() {
  if (!state.session) return;
  const session = state.session;
  state.session = null;
  void fetch("/api/end", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ session }), keepalive: true }).catch(() => undefined);
}

window.addEventListener("pagehide", endSession);
setupTrackerStep();
setupLastTrackerStep();
setupWordsStep();
setupDownloads();
