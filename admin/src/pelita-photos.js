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
