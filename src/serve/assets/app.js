// factlint's page: check a draft with the local server and show the findings in the text.
// Offsets from the server are UTF-16 code units, as JavaScript strings count them.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { text: '', name: null, result: null, selected: -1 };
const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function status(text) { $('status').textContent = text || ''; }

// Text with its URLs as links (the record's sources).
function linkify(text) {
  const out = document.createDocumentFragment();
  const re = /https?:\/\/[^\s;,]+/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    // Punctuation after the URL is not part of it; a ")" is, when the URL opened one.
    let url = m[0];
    for (;;) {
      const open = (url.match(/\(/g) || []).length, closed = (url.match(/\)/g) || []).length;
      if (/[.:!?"']$/.test(url) || (url.endsWith(')') && closed > open)) url = url.slice(0, -1);
      else break;
    }
    out.append(text.slice(last, m.index));
    out.append(el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url));
    last = m.index + url.length;
  }
  out.append(text.slice(last));
  return out;
}

function editing(on) {
  $('input').hidden = !on;
  $('view').hidden = on;
  $('edit').hidden = on;
  if (on) $('input').focus();
}

async function check() {
  state.text = $('input').value;
  const body = {
    text: state.text,
    format: $('format').value || null,
    name: state.name,
    asOf: $('asof').value || null,
  };
  $('check').disabled = true;
  status('Checking…');
  try {
    const r = await fetch('/api/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const j = await r.json().catch(() => ({ error: 'HTTP ' + r.status }));
    if (!r.ok) {
      status('Not checked: ' + (j.error || 'HTTP ' + r.status));
      return;
    }
    state.result = j;
    state.selected = -1;
    status('');
    render();
    editing(false);
  } catch (e) {
    status('The factlint server did not answer: is it still running? (' + e + ')');
  } finally {
    $('check').disabled = false;
  }
}

function plural(n, one) { return n + ' ' + one + (n === 1 ? '' : 's'); }

function render() {
  const r = state.result;
  if (!r) return;
  renderSummary(r);
  renderView(r);
  renderList(r);
  renderDetail(r);
  renderClaims(r);
}

function renderSummary(r) {
  const s = $('summary');
  s.replaceChildren(
    el('div', { class: 'counts' },
      el('span', { class: 'error' }, plural(r.counts.error, 'error')),
      el('span', { class: 'warning' }, plural(r.counts.warning, 'warning')),
      el('span', { class: 'info' }, r.counts.info + ' info')),
    el('div', { class: 'asof', id: 'asof-used' }, r.asOf.text.replace(/^as of/, 'Judged as of')),
  );
}

// The draft, with each finding underlined in its severity's colour; the selected
// finding's other spans (the event, the antecedent) are shaded.
function renderView(r) {
  const text = state.text;
  const n = text.length;
  const spans = r.findings.map((f, i) => {
    let { start, end } = f.span;
    start = Math.max(0, Math.min(start, n));
    end = Math.max(start, Math.min(end, n));
    if (end === start && end < n) end += 1;
    return { start, end, i };
  });
  const labels = state.selected >= 0 ? r.findings[state.selected].labels.map((l) => l.span) : [];
  const cuts = new Set([0, n]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  for (const l of labels) { cuts.add(Math.min(l.start, n)); cuts.add(Math.min(l.end, n)); }
  const points = [...cuts].sort((a, b) => a - b);
  const view = $('view');
  view.replaceChildren();
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    if (a === b) continue;
    const piece = text.slice(a, b);
    const over = spans.filter((s) => s.start <= a && b <= s.end);
    const inLabel = labels.some((l) => l.start <= a && b <= l.end);
    if (!over.length && !inLabel) { view.append(piece); continue; }
    let node;
    if (over.length) {
      over.sort((x, y) => SEVERITY_RANK[r.findings[y.i].severity] - SEVERITY_RANK[r.findings[x.i].severity]);
      const top = r.findings[over[0].i];
      const selected = over.some((s) => s.i === state.selected);
      node = el('span', {
        class: 'finding ' + top.severity + (selected ? ' selected' : ''),
        'data-finding': String(over[0].i),
        'data-rule': top.rule,
        title: top.message,
        onclick: (e) => { e.stopPropagation(); select(over[0].i); },
      }, piece);
      if (inLabel) node.classList.add('label-span');
    } else {
      node = el('span', { class: 'label-span' }, piece);
    }
    view.append(node);
  }
}

function renderList(r) {
  const list = $('findings');
  list.replaceChildren();
  if (!r.findings.length) {
    list.append(el('li', { class: 'none' }, 'No findings.'));
    return;
  }
  r.findings.forEach((f, i) => {
    list.append(el('li', { class: i === state.selected ? 'selected' : '', onclick: () => select(i) },
      el('span', { class: 'sev ' + f.severity }, f.severity),
      f.message + ' ',
      el('span', { class: 'rule' }, f.rule)));
  });
}

function renderDetail(r) {
  const d = $('detail');
  const f = r.findings[state.selected];
  if (!f) { d.hidden = true; d.replaceChildren(); return; }
  d.hidden = false;
  d.className = f.severity;
  const parts = [
    el('div', {},
      el('span', { class: 'sev ' + f.severity }, f.severity),
      f.docs ? el('a', { class: 'rule', href: f.docs, target: '_blank', rel: 'noopener noreferrer' }, f.rule)
             : el('span', { class: 'rule' }, f.rule)),
    el('div', { class: 'message' }, f.message),
  ];
  if (f.label) parts.push(el('div', { class: 'label' }, '“' + f.text + '”: ' + f.label));
  if (f.labels.length) {
    parts.push(el('ul', { class: 'labels' }, ...f.labels.map((l) =>
      el('li', {}, '“' + state.text.slice(l.span.start, l.span.end) + '”: ' + l.message))));
  }
  if (f.notes.length) {
    parts.push(el('ul', { class: 'notes' }, ...f.notes.map((n) => el('li', {}, linkify(n)))));
  }
  if (f.fix) {
    const before = state.text.slice(f.fix.span.start, f.fix.span.end);
    parts.push(el('div', { class: 'fix' },
      before ? el('span', {}, 'Replace ', el('code', {}, before), ' with ', el('code', {}, f.fix.replacement || '(nothing)'), ' ')
             : el('span', {}, 'Insert ', el('code', {}, f.fix.replacement), ' '),
      el('button', { id: 'apply', class: 'primary', onclick: () => applyFix(f.fix) }, 'Apply fix')));
  }
  d.replaceChildren(...parts);
}

function renderClaims(r) {
  const ok = $('consistent');
  const todo = $('unchecked');
  ok.replaceChildren();
  todo.replaceChildren();
  for (const c of r.claims) {
    if (c.status === 'consistent') {
      const src = [];
      if (c.record) src.push(c.record.path + ':' + c.record.line);
      if (c.source) src.push(c.source);
      ok.append(el('li', { class: 'ok' }, el('span', { class: 'mark' }, '✓'), c.statement,
        src.length ? el('span', { class: 'src' }, linkify(src.join(' — '))) : null));
    } else {
      todo.append(el('li', { class: 'todo' }, el('span', { class: 'mark' }, '?'), c.statement,
        c.reason ? el('span', { class: 'why' }, c.reason) : null));
    }
  }
  if (!ok.children.length) ok.append(el('li', { class: 'none' }, 'Nothing checked and found consistent.'));
  if (!todo.children.length) todo.append(el('li', { class: 'none' }, 'Nothing left unchecked.'));
}

function select(i) {
  state.selected = i;
  render();
  const node = document.querySelector('#view .finding.selected');
  if (node) node.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

function applyFix(fix) {
  const t = state.text;
  $('input').value = t.slice(0, fix.span.start) + fix.replacement + t.slice(fix.span.end);
  check();
}

function openFile(file) {
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    $('input').value = String(reader.result);
    state.name = file.name;
    if (file.name.match(/\.(md|markdown|mdx)$/i)) $('format').value = 'markdown';
    check();
  };
  reader.onerror = () => status('Could not read ' + file.name);
  reader.readAsText(file);
}

async function loadSample() {
  const r = await fetch('/api/sample');
  const j = await r.json();
  $('input').value = j.text;
  state.name = j.name;
  await check();
}

$('check').addEventListener('click', check);
$('edit').addEventListener('click', () => editing(true));
$('sample').addEventListener('click', loadSample);
$('file').addEventListener('change', (e) => openFile(e.target.files[0]));
$('asof').addEventListener('change', () => { if (state.result) check(); });
$('clear-asof').addEventListener('click', () => { $('asof').value = ''; if (state.result) check(); });
$('view').addEventListener('dblclick', () => editing(true));
document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); check(); }
  if (e.key === 'Escape' && state.selected >= 0) { state.selected = -1; render(); }
});
document.addEventListener('dragover', (e) => e.preventDefault());
document.addEventListener('drop', (e) => { e.preventDefault(); openFile(e.dataTransfer.files[0]); });
