/**
 * Pelita's post format for the web editor: `Key: value` lines, a blank line,
 * then Markdown, exactly as Pelican's Markdown reader (Python-Markdown's
 * `meta` extension) reads it.
 *
 * Saving an existing post rewrites only the lines whose value the admin
 * changed. Every other byte of the file (unknown keys, repeated keys such as
 * `Ralat`, continuation lines, comments in the body, line endings, a missing
 * final newline) is copied from the file as it was opened, which the editor
 * keeps in the entry under `SOURCE_KEY`. Values are written on one line with
 * runs of white space collapsed, so no form value can add a header line.
 *
 * Pure module: used by the editor in the browser and by the Node tests.
 */

/** Where the file's original text travels inside the entry's data. */
export const SOURCE_KEY = '_pelita_source';
/** Entry keys that start with this are the editor's own and never written. */
export const PRIVATE_PREFIX = '_';

// Python-Markdown's meta extension, markdown/extensions/meta.py.
const META_RE = /^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
const META_MORE_RE = /^[ ]{4,}(.*)$/;
const BEGIN_RE = /^-{3}(\s.*)?$/;
const END_RE = /^(-{3}|\.{3})(\s.*)?$/;
const TAB_LENGTH = 4;

/** Split text into lines, each keeping its own line ending. */
export function splitLines(text) {
  return text.match(/[^\n]*\n|[^\n]+$/g) || [];
}

function expandTabs(line) {
  let out = '';
  for (const char of line) {
    out += char === '\t' ? ' '.repeat(TAB_LENGTH - (out.length % TAB_LENGTH)) : char;
  }
  return out;
}

/** A line as the meta extension matches it: no line ending, tabs expanded. */
function bare(raw) {
  return expandTabs(raw.replace(/\r?\n$/, '').replace(/\r$/, ''));
}

/**
 * Parse a post into raw header entries and the body.
 *
 * Returns `{lines, begin, entries, separator, bodyStart}`: `entries` are
 * `{key, spelt, first, count, value}` (line indexes into `lines`; `count`
 * includes continuation lines), `separator` the index of the blank or `---`
 * line that ends the header (or -1), `bodyStart` the index of the first body
 * line.
 */
export function parsePost(text) {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  const lines = splitLines(source);
  const bom = source === text ? '' : '\ufeff';
  let index = 0;
  let begin = false;
  if (lines.length && BEGIN_RE.test(bare(lines[0]))) {
    begin = true;
    index = 1;
  }
  const entries = [];
  let separator = -1;
  while (index < lines.length) {
    const line = bare(lines[index]);
    if (line.trim() === '' || END_RE.test(line)) {
      separator = index;
      index += 1;
      break;
    }
    const match = META_RE.exec(line);
    const more = META_MORE_RE.exec(line);
    if (match) {
      entries.push({
        key: match[1].trim().toLowerCase(),
        spelt: match[1].trim(),
        first: index,
        count: 1,
        value: match[2].trim(),
      });
    } else if (more && entries.length) {
      const last = entries[entries.length - 1];
      last.count += 1;
      last.value = `${last.value}\n${more[1]}`;
    } else {
      break; // a stray line: the header ends and the body starts here
    }
    index += 1;
  }
  return { bom, lines, begin, entries, separator, bodyStart: index };
}

/** One line, white space collapsed: what a header value may hold. */
export function oneLine(value) {
  return String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isEmpty(value) {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.every(item => oneLine(item) === '');
  if (typeof value === 'object' && typeof value.toJS === 'function') {
    return isEmpty(value.toJS());
  }
  return oneLine(value) === '';
}

function plain(value) {
  return value && typeof value === 'object' && typeof value.toJS === 'function'
    ? value.toJS()
    : value;
}

/** Body text as the editor holds it: LF line endings, no trailing blank lines. */
function normaliseBody(text) {
  return String(text ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/\s+$/, '');
}

/**
 * Make the format for one site's schema.
 *
 * `schema.order` lists keys in the order a new file writes them;
 * `schema.spelling` maps a key to its spelling (`opd` -> `OPD`);
 * `schema.lists` names comma-separated keys the form edits as lists;
 * `schema.kinds` maps a Category value to the form that edits it (the
 * entry's `_jenis`), `schema.defaultKind` the form for every other category.
 */
export function createPelitaFormat(schema) {
  const order = schema.order || [];
  const spelling = schema.spelling || {};
  const lists = new Set(schema.lists || []);
  const kinds = schema.kinds || {};
  const defaultKind = schema.defaultKind || 'kabar';

  const spell = key => spelling[key] || key.charAt(0).toUpperCase() + key.slice(1);

  function read(key, value) {
    if (!lists.has(key)) return value.replace(/\s*\n\s*/g, ' ');
    return value
      .split(',')
      .map(item => item.trim())
      .filter(Boolean);
  }

  function write(key, value) {
    const v = plain(value);
    if (Array.isArray(v)) {
      return v
        .map(oneLine)
        .filter(Boolean)
        .join(', ');
    }
    if (lists.has(key)) return write(key, read(key, oneLine(v)));
    return oneLine(v);
  }

  function fromFile(content) {
    const post = parsePost(content);
    const data = {};
    for (const entry of post.entries) {
      if (entry.key === 'body' || entry.key.startsWith(PRIVATE_PREFIX)) continue;
      if (!(entry.key in data)) data[entry.key] = read(entry.key, entry.value);
    }
    data.body = post.lines.slice(post.bodyStart).join('').replace(/\r\n?/g, '\n');
    data[SOURCE_KEY] = content;
    data._jenis = kinds[data.category] || defaultKind;
    return data;
  }

  function insertionPoint(header, key) {
    // After the last present key that comes before `key` in the schema order.
    const rank = order.indexOf(key);
    let at = -1;
    header.forEach((item, position) => {
      const itsRank = order.indexOf(item.key);
      if (item.key && itsRank !== -1 && (rank === -1 || itsRank < rank)) at = position;
    });
    if (at === -1 && rank !== -1) {
      // Before the first present key that comes after it, else at the end.
      const after = header.findIndex(item => order.indexOf(item.key) > rank);
      return after === -1 ? header.length : after;
    }
    return at === -1 ? header.length : at + 1;
  }

  function toFile(input) {
    const data = plain(input) || {};
    const original = typeof data[SOURCE_KEY] === 'string' ? data[SOURCE_KEY] : '';
    const post = parsePost(original);
    const eol = /\r\n/.test(original) ? '\r\n' : '\n';
    // The header as groups of raw lines, each group one key and its continuations.
    const header = post.entries.map(entry => ({
      key: entry.key,
      entry,
      raw: post.lines.slice(entry.first, entry.first + entry.count),
    }));
    const seen = new Set();
    for (const item of header) {
      const { key, entry } = item;
      const foreign = key === 'body' || key.startsWith(PRIVATE_PREFIX);
      if (foreign || seen.has(key) || !(key in data) || data[key] === undefined) {
        seen.add(key);
        continue; // repeated keys and keys the form never had stay as they are
      }
      seen.add(key);
      const before = write(key, read(key, entry.value));
      const after = write(key, data[key]);
      if (after === before) continue;
      item.raw = isEmpty(data[key]) ? [] : [`${entry.spelt}: ${after}${eol}`];
    }
    const keys = Object.keys(data).filter(
      key => key !== 'body' && !key.startsWith(PRIVATE_PREFIX) && !seen.has(key),
    );
    keys.sort((a, b) => rankOf(order, a) - rankOf(order, b));
    for (const key of keys) {
      if (isEmpty(data[key]) || !/^[a-z0-9_-]+$/.test(key)) continue;
      const at = insertionPoint(header, key);
      header.splice(at, 0, { key, raw: [`${spell(key)}: ${write(key, data[key])}${eol}`] });
    }
    return assemble(post, header, data.body, eol, original === '');
  }

  return { fromFile, toFile };
}

function rankOf(order, key) {
  const rank = order.indexOf(key);
  return rank === -1 ? order.length : rank;
}

function assemble(post, header, body, eol, newFile) {
  const out = [];
  const push = piece => {
    if (!piece) return;
    const last = out.length ? out[out.length - 1] : '\n';
    if (!last.endsWith('\n')) out[out.length - 1] = last + eol;
    out.push(piece);
  };
  if (post.begin) push(post.lines[0]);
  header.flatMap(item => item.raw).forEach(push);
  const originalBody = post.lines.slice(post.bodyStart).join('');
  const keepBody = body === undefined || normaliseBody(body) === normaliseBody(originalBody);
  const text = keepBody ? originalBody : normaliseBody(body);
  if (post.separator !== -1) {
    push(post.lines[post.separator]);
  } else if (newFile || (!keepBody && text)) {
    push(eol); // a new file, or a body where there was none: the blank line
  }
  if (keepBody) {
    push(originalBody);
  } else if (text) {
    push(text.replace(/\n/g, eol) + eol);
  }
  return post.bom + out.join('');
}
