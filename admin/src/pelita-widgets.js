/**
 * Pelita's form widgets for Decap CMS: the kelurahan of the chosen kecamatan,
 * the post's address made from its title, the award's recipient with the
 * registries' names offered, and the panel of checks that must pass before a
 * post can be saved. Built with Decap's own React (`window.h`,
 * `window.createClass`); `getEntry()` gives the entry as it is now.
 */
import { entryProblems, officialKecamatan, wilayahProblem } from './pelita-checks.js';

const h = (...args) => window.h(...args);

function dataOf(props) {
  const entry = props.getEntry ? props.getEntry() : props.entry;
  const data = entry && entry.get('data');
  return data && typeof data.toJS === 'function' ? data.toJS() : {};
}

/** Pelican's slugify (NFKD, ASCII, lower case, hyphens), cut at a word. */
export function slugify(title, maxLength = 60) {
  const slug = String(title || '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .replace(/_/g, '-')
    .trim()
    .replace(/[-\s]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, maxLength);
}

const always = () => true;
const WATCH_MS = 250;

/**
 * Decap re-renders a field only when its own value changes, but these
 * widgets depend on other fields (the kelurahan on the kecamatan, the slug on
 * the title, the checks on everything). Each one watches what it reads and
 * re-renders when that changes.
 */
function watching(select, spec) {
  return window.createClass({
    ...spec,
    shouldComponentUpdate: always,
    componentDidMount() {
      this.seen = JSON.stringify(select(dataOf(this.props)));
      this.timer = window.setInterval(() => {
        const now = JSON.stringify(select(dataOf(this.props)));
        if (now !== this.seen) {
          this.seen = now;
          this.forceUpdate();
        }
      }, WATCH_MS);
      if (spec.componentDidMount) spec.componentDidMount.call(this);
    },
    componentWillUnmount() {
      window.clearInterval(this.timer);
    },
  });
}

function kelurahanControl(wilayah) {
  return watching(data => data.kecamatan || null, {
    isValid() {
      const data = dataOf(this.props);
      const problem = wilayahProblem(data.kecamatan, this.props.value, wilayah);
      return problem ? { error: { type: 'CUSTOM', message: problem } } : true;
    },
    render() {
      const { forID, value, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const chosen = officialKecamatan(dataOf(this.props).kecamatan, wilayah);
      const groups = chosen.map(kec =>
        h('optgroup', { key: kec, label: `Kecamatan ${kec}` },
          (wilayah.kelurahan[kec] || []).map(kel => h('option', { key: kel, value: kel }, kel))),
      );
      const current = value || '';
      const known = chosen.some(kec => (wilayah.kelurahan[kec] || []).includes(current));
      const problem = wilayahProblem(chosen, current, wilayah);
      return h('select', {
        id: forID,
        className: classNameWrapper,
        value: current,
        disabled: !chosen.length && !current,
        onChange: event => onChange(event.target.value),
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
      },
      h('option', { value: '' }, chosen.length ? '— tidak ada —' : 'Pilih kecamatan dulu'),
      current && !known
        ? h('option', { value: current }, problem ? `${current} (bukan di kecamatan ini)` : current)
        : null,
      ...groups);
    },
  });
}

function slugControl(schema) {
  return watching(data => data.title || '', {
    componentDidUpdate() {
      const { value, onChange } = this.props;
      const entry = this.props.getEntry ? this.props.getEntry() : this.props.entry;
      if (!entry || !entry.get('newRecord')) return;
      const made = slugify(dataOf(this.props).title, schema.slugMaxLength);
      if (made && (!value || value === this.lastMade) && value !== made) {
        this.lastMade = made;
        onChange(made);
      }
    },
    render() {
      const { forID, value, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const entry = this.props.getEntry ? this.props.getEntry() : this.props.entry;
      const fixed = entry && !entry.get('newRecord');
      return h('input', {
        id: forID,
        type: 'text',
        className: classNameWrapper,
        value: value || '',
        readOnly: fixed,
        title: fixed ? 'Alamat tulisan yang sudah terbit tidak diubah, agar tautannya tetap berlaku' : undefined,
        onChange: event => {
          this.lastMade = null;
          onChange(event.target.value.toLowerCase().replace(/[^a-z0-9-]/g, '-'));
        },
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
      });
    },
  });
}

function recipientControl(data) {
  const names = [
    ...data.opd.map(o => ({ value: o.id, label: o.nama })),
    ...data.wilayah.kecamatan.map(k => ({ value: `Kecamatan ${k}`, label: 'kecamatan' })),
    ...Object.entries(data.wilayah.kelurahan).flatMap(([kec, kels]) =>
      kels.map(kel => ({ value: kel, label: `kelurahan di Kecamatan ${kec}` }))),
  ];
  return window.createClass({
    render() {
      const { forID, value, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const list = `${forID}-pilihan`;
      return h('div', null,
        h('input', {
          id: forID,
          type: 'text',
          list,
          autoComplete: 'off',
          className: classNameWrapper,
          value: value || '',
          onChange: event => onChange(event.target.value),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
        }),
        h('datalist', { id: list }, names.map(n => h('option', { key: n.value, value: n.value }, n.label))));
    },
  });
}

function checksControl(context) {
  return watching(data => entryProblems(data, context).map(p => p.message), {
    // The panel has no value of its own; it is "filled" so that Decap's
    // required-field rule never flags it, and its own isValid decides.
    getValidateValue: () => 'diperiksa',
    problems() {
      const entry = this.props.getEntry ? this.props.getEntry() : this.props.entry;
      const labels = {};
      const fields = this.props.collection ? this.props.collection.get('fields') : null;
      if (fields) fields.forEach(f => { labels[f.get('name')] = f.get('label'); });
      return entryProblems(dataOf(this.props), { ...context, labels });
    },
    isValid() {
      const problems = this.problems();
      if (!problems.length) return true;
      return {
        error: {
          type: 'CUSTOM',
          message: `Belum bisa dikirim: ${problems.length} hal perlu diperbaiki (lihat daftar di atas).`,
        },
      };
    },
    render() {
      const problems = this.problems();
      if (!problems.length) {
        return h('p', { className: 'pelita-checks pelita-checks--ok', role: 'status' },
          '✓ Lolos pemeriksaan: isian wajib, kecamatan dan kelurahan, keterangan foto, dan data pribadi.');
      }
      return h('div', { className: 'pelita-checks', role: 'status' },
        h('p', null, `${problems.length} hal perlu diperbaiki sebelum dikirim:`),
        h('ul', null, problems.map((p, i) => h('li', { key: i }, h('strong', null, `${p.label}: `), p.message))));
    },
  });
}

/** Register every Pelita widget with the CMS. */
export function registerWidgets(CMS, data, context) {
  const preview = window.createClass({ render() { return h('span', null, String(this.props.value || '')); } });
  CMS.registerWidget('pelita-kelurahan', kelurahanControl(data.wilayah), preview);
  CMS.registerWidget('pelita-slug', slugControl(data.schema), preview);
  CMS.registerWidget('pelita-penerima', recipientControl(data), preview);
  CMS.registerWidget('pelita-checks', checksControl(context), window.createClass({ render: () => null }));
}
