/**
 * Where the tests find the shared data: LAYERLAB_DATA, else ../shared beside the project.
 *
 * @example
 * const alexnet = path.join(sharedDir(), 'models/onnx/light_bvlc_alexnet.onnx');
 */
import * as path from 'path';
import { projectRoot } from '../../src/registry/settings';

export function sharedDir(): string {
  return process.env.LAYERLAB_DATA ? path.resolve(process.env.LAYERLAB_DATA) : path.resolve(projectRoot(), '..', 'shared');
}

export function sharedFile(...parts: string[]): string {
  return path.join(sharedDir(), ...parts);
}
