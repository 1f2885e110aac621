/**
 * The preview pane: the post as the site shows it, with the site's own
 * stylesheets (registered in pelita-editor.js) and the classes of the
 * theme's article template.
 */
const h = (...args) => window.h(...args);

function imageUrl(props, value) {
  if (!value) return '';
  const asset = props.getAsset(value);
  const url = asset && asset.toString();
  if (url && !url.endsWith(value)) return url; // a photo not yet sent: its blob
  return `/${String(value).replace(/^\/+/, '')}`; // a photo already on the site
}

export function previewTemplate(data) {
  const opdName = id => (data.opd.find(o => o.id === id) || {}).nama || id;
  return window.createClass({
    render() {
      const { entry, widgetFor } = this.props;
      const get = key => entry.getIn(['data', key]);
      const list = key => {
        const v = get(key);
        return v && v.toJS ? v.toJS() : v ? [v] : [];
      };
      const putusan = get('putusan');
      const image = imageUrl(this.props, get('image'));
      const kecamatan = list('kecamatan');
      return h('main', { className: 'site-main' },
        h('article', { className: 'article' },
          h('header', null,
            putusan || get('category') === 'Prestasi'
              ? h('p', { className: 'article__kicker' },
                  putusan ? h('span', { className: 'badge badge--verdict' }, putusan) : null,
                  get('category') === 'Prestasi'
                    ? h('span', { className: 'badge badge--award' }, get('tingkat') ? `Prestasi ${get('tingkat')}` : 'Prestasi')
                    : null)
              : null,
            h('h1', null, get('title') || 'Judul tulisan'),
            get('summary') && !get('klaim') ? h('p', { className: 'article__lede' }, get('summary')) : null,
            h('ul', { className: 'byline' },
              h('li', null, `${get('date') || ''} WIB`),
              get('opd') ? h('li', null, opdName(get('opd'))) : null,
              kecamatan.length ? h('li', null, `Kecamatan ${kecamatan.join(', ')}${get('kelurahan') ? ` · ${get('kelurahan')}` : ''}`) : null)),
          get('klaim')
            ? h('aside', { className: 'klaim' }, h('p', null, h('strong', null, 'Klaim: '), get('klaim')))
            : null,
          image
            ? h('figure', { className: 'article__figure' },
                h('img', { src: image, alt: get('image_alt') || '' }),
                get('image_alt') ? null : h('figcaption', null, '(keterangan foto belum diisi)'))
            : null,
          h('div', { className: 'article__body prose' }, widgetFor('body'))));
    },
  });
}
