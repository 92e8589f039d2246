/**
 * Error classes of layerlab. One base class carrying an optional `cause`, and a few subclasses a caller
 * may want to catch separately. Messages follow the shape "subject — problem — value — hint", e.g.
 * `node "conv_3" (Conv): input "W2" has no producer, initializer or graph input`.
 *
 * @example
 * try { bypass(g, 'concat1') } catch (e) { if (e instanceof GraphError) console.error(e.message) }
 */
export class LayerlabError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A graph is malformed or a surgery cannot be applied to it. */
export class GraphError extends LayerlabError {}

/** A model file cannot be decoded or encoded (empty, truncated, not ONNX, unsupported IR/opset, bad prototxt...). */
export class ModelFormatError extends LayerlabError {}

/** onnxruntime could not create a session or run a model. */
export class SessionError extends LayerlabError {}

/** A dataset, label file or image cannot be used. */
export class DatasetError extends LayerlabError {}

/** A command-line usage error: bad flag, missing argument, refused output path. */
export class UsageError extends LayerlabError {}

/**
 * Build an error of class `Kind` with `cause` attached.
 * @example throw error(GraphError, `node "x": no such node`)
 */
export function error<T extends LayerlabError>(
  Kind: new (message: string, options?: { cause?: unknown }) => T,
  message: string,
  cause?: unknown,
): T {
  return new Kind(message, cause === undefined ? undefined : { cause });
}
