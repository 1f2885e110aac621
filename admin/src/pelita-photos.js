/**
 * Photos: Decap re-encodes every uploaded photo in the browser
 * (`media_processing`: canvas, JPEG, metadata stripped, so no GPS or camera
 * data is sent) and refuses originals over `max_file_size`. It keeps the
 * photo's pixel size, though, so a 48-megapixel phone photo would be stored
 * as such. Decap decodes the photo with `createImageBitmap(file)`; this
 * wraps that call so a photo larger than `maxSide` on its longest side is
 * decoded already scaled down (upright, as the photo's own orientation
 * says). Smaller photos are never enlarged.
 */
export function limitPhotoSize(maxSide, scope = window) {
  const original = scope.createImageBitmap.bind(scope);
  scope.createImageBitmap = async function pelitaCreateImageBitmap(source, ...rest) {
    const isFile = typeof Blob !== 'undefined' && source instanceof Blob;
    if (!isFile || rest.length) return original(source, ...rest);
    const bitmap = await original(source, { imageOrientation: 'from-image' });
    const longest = Math.max(bitmap.width, bitmap.height);
    if (longest <= maxSide) return bitmap;
    const scale = maxSide / longest;
    const resizeWidth = Math.max(1, Math.round(bitmap.width * scale));
    const resizeHeight = Math.max(1, Math.round(bitmap.height * scale));
    bitmap.close();
    return original(source, {
      imageOrientation: 'from-image',
      resizeWidth,
      resizeHeight,
      resizeQuality: 'high',
    });
  };
}

/** The types Decap re-encodes (its imageTransformations' input types). */
export const REENCODED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * Refuse originals over `maxBytes`, on every way in (the image field, photos
 * in the body), with a message in Indonesian. And refuse every file Decap
 * would store as it is: it re-encodes only JPEG,
 * PNG and WebP, so an iPhone's HEIC, a TIFF or a file of unknown type would
 * reach the repository with its location and camera data. The check runs
 * before Decap sees the file (capture phase), for the file picker and for
 * files dropped on the page.
 */
export function refuseUnsafeUploads(maxBytes, scope = window) {
  const megabytes = bytes => (bytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 });
  const stop = event => {
    event.stopImmediatePropagation();
    event.preventDefault();
    if (event.target && 'value' in event.target) event.target.value = '';
  };
  const refuse = (event, files) => {
    const large = [...files].find(file => file.size > maxBytes);
    if (large) {
      stop(event);
      scope.alert(
        `Foto ${large.name} terlalu besar (${megabytes(large.size)} MB): paling besar ` +
          `${megabytes(maxBytes)} MB. Kirim foto dari galeri ponsel, bukan berkas asli dari ` +
          'kamera profesional, atau perkecil dulu.',
      );
      return;
    }
    const bad = [...files].find(file => !REENCODED_TYPES.includes((file.type || '').toLowerCase()));
    if (!bad) return;
    stop(event);
    const kind = (bad.name.split('.').pop() || bad.type || '?').toUpperCase();
    scope.alert(
      `Berkas ${bad.name} (${kind}) tidak bisa diunggah: hanya foto JPEG, PNG atau WebP yang ` +
        'dibersihkan dari data lokasi sebelum dikirim. Di iPhone, kirim fotonya lewat ' +
        '"Pilih foto" (bukan berkas HEIC), atau ubah Pengaturan › Kamera › Format ke ' +
        '"Paling Kompatibel".',
    );
  };
  scope.addEventListener(
    'change',
    event => {
      const input = event.target;
      if (input && input.type === 'file' && input.files) refuse(event, input.files);
    },
    true,
  );
  scope.addEventListener(
    'drop',
    event => {
      if (event.dataTransfer && event.dataTransfer.files.length) refuse(event, event.dataTransfer.files);
    },
    true,
  );
}
