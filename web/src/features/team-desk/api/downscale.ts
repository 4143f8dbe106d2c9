/** The longest side a difficulty photo keeps: enough to see a place or a broken device. */
const MAX_SIDE = 1024;
/** Under the server's cap (300 KB) with room to spare, as base64 text. */
export const MAX_DATA_URL = 380_000;

/**
 * A photo from the camera (often 3–12 MB) made small on the phone before it waits in the outbox:
 * drawn onto a canvas at most 1024 px on its longest side, then JPEG at falling quality until
 * it fits. Answers null when the browser cannot read the file as an image.
 */
export async function downscalePhoto(file: Blob): Promise<string | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null;
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const quality of [0.8, 0.65, 0.5, 0.35]) {
    const url = canvas.toDataURL('image/jpeg', quality);
    if (url.length <= MAX_DATA_URL) return url;
  }
  // Still too large (a very busy picture): halve the size once more.
  const small = document.createElement('canvas');
  small.width = Math.max(1, Math.round(canvas.width / 2));
  small.height = Math.max(1, Math.round(canvas.height / 2));
  small.getContext('2d')?.drawImage(canvas, 0, 0, small.width, small.height);
  const url = small.toDataURL('image/jpeg', 0.5);
  return url.length <= MAX_DATA_URL ? url : null;
}
