import type { Request } from 'express';
import { HttpError } from '../http/errors.ts';

/** As `POST /api/hours/import` accepts, with room for the form's own parts. */
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 + 64 * 1024;

/**
 * The text of one file field of a `multipart/form-data` form (a browser's file upload), read with
 * the platform's own form parser; undefined when no file was chosen. Decoded as UTF-8, as the CSV
 * import expects.
 */
export async function uploadedText(req: Request, field: string): Promise<string | undefined> {
  const type = req.get('content-type') ?? '';
  if (!req.is('multipart/form-data')) {
    throw new HttpError(415, 'UnsupportedMediaType', 'Send the file from the form (multipart/form-data).');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) {
      // Let the rest of the upload drain, so the browser gets the answer instead of a broken connection.
      req.resume();
      throw new HttpError(413, 'BodyTooLarge', 'The file is larger than 2 MB; split it into smaller files.');
    }
    chunks.push(chunk);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': type } }).formData();
  } catch {
    throw new HttpError(400, 'MalformedForm', 'The uploaded form could not be read; choose the file and send the form again.');
  }
  const file = form.get(field);
  return file instanceof File && file.size > 0 ? file.text() : undefined;
}
