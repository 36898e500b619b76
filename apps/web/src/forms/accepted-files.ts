// What an upload field accepts (ADR 0045 §4): each document kind its own file types and size, from the
// documents context's catalogue (scripts/document-kinds.ts builds `virtual:hub-document-kinds` from it).
// The server checks the bytes anyway; the field only keeps the chooser and the hint honest per kind.

export interface UploadCatalogue {
  /** Per accepted file type (pdf, png, jpg, docx, xlsx, odt): its media type and file-name extensions. */
  readonly fileTypes: Readonly<Record<string, { readonly mime: string; readonly extensions: readonly string[] }>>;
  /** Per uploaded kind (its code): the types it accepts and its largest size in bytes. */
  readonly kinds: Readonly<Record<string, { readonly types: readonly string[]; readonly maxBytes: number }>>;
}

export interface AcceptedFiles {
  /** The file input's `accept`: extensions, then media types ('.pdf,.docx,application/pdf,…'). */
  readonly accept: string;
  /** The types as readers name them, for the hint: 'PDF, DOCX, ODT'. */
  readonly types: string;
  /** The largest size in whole megabytes (MiB, as the catalogue counts them), for the hint. */
  readonly mb: number;
}

/** A kind the catalogue does not list (never uploaded): every accepted type, the server decides. */
export function acceptedFiles(catalogue: UploadCatalogue, kind: string): AcceptedFiles {
  const k = catalogue.kinds[kind];
  const types = k ? k.types : Object.keys(catalogue.fileTypes);
  const known = types.flatMap((t) => {
    const ft = catalogue.fileTypes[t];
    return ft ? [{ type: t, ...ft }] : [];
  });
  const maxBytes = k ? k.maxBytes : Math.max(0, ...Object.values(catalogue.kinds).map((x) => x.maxBytes));
  return {
    accept: [...known.flatMap((t) => t.extensions.map((e) => `.${e}`)), ...new Set(known.map((t) => t.mime))].join(','),
    types: known.map((t) => (t.type === 'jpg' ? 'JPEG' : t.type.toUpperCase())).join(', '),
    mb: Math.floor(maxBytes / (1024 * 1024)),
  };
}
