/**
 * Gemm (transA/transB), MatMul (numpy matmul: 1-D promotion, broadcast batch dims) and QLinearMatMul.
 * MACs = batch * M * N * K.
 *
 * @example
 * // Gemm(A [1, 9216], B [4096, 9216], transB=1) -> [1, 4096], 37,748,736 MACs
 */
import type { Dim } from '../types';
import { broadcast, intAttr, mul, num, product } from './dims';
import type { RuleContext, RuleOutput, Shape } from './types';

function agree(a: Dim, b: Dim, what: string): void {
  if (typeof a === 'number' && typeof b === 'number' && a !== b) throw new Error(`${what}: ${a} vs ${b}`);
}

/** Gemm: Y = alpha * A' * B' + beta * C with A' [M, K] and B' [K, N]. */
export function gemm(ctx: RuleContext): RuleOutput {
  const a = ctx.shape(0), b = ctx.shape(1);
  if (!a || !b) return { outputs: [null], macs: null };
  if (a.length !== 2 || b.length !== 2) throw new Error(`Gemm needs 2-D A and B, got ranks ${a.length} and ${b.length}`);
  const [m, ka] = intAttr(ctx.node, 'transA', 0) ? [a[1], a[0]] : [a[0], a[1]];
  const [kb, n] = intAttr(ctx.node, 'transB', 0) ? [b[1], b[0]] : [b[0], b[1]];
  agree(ka, kb, 'inner dimensions of A and B differ');
  const k = typeof ka === 'number' ? ka : kb;
  return { outputs: [[m, n]], macs: mul(num(m), num(n), num(k)) };
}

function matmulShapes(a: Shape | null, b: Shape | null): RuleOutput {
  if (!a || !b) return { outputs: [null], macs: null };
  if (a.length === 0 || b.length === 0) throw new Error('MatMul operands must not be scalars');
  const a2 = a.length === 1 ? [1, a[0]] : a;
  const b2 = b.length === 1 ? [b[0], 1] : b;
  const m = a2[a2.length - 2], ka = a2[a2.length - 1], kb = b2[b2.length - 2], n = b2[b2.length - 1];
  agree(ka, kb, 'inner dimensions differ');
  const batch = broadcast([a2.slice(0, -2), b2.slice(0, -2)]) as Shape;
  const out: Shape = [...batch];
  if (a.length > 1) out.push(m);
  if (b.length > 1) out.push(n);
  const k = typeof ka === 'number' ? ka : kb;
  return { outputs: [out], macs: mul(product(batch), num(m), num(n), num(k)) };
}

/** MatMul with numpy semantics. */
export function matmul(ctx: RuleContext): RuleOutput {
  return matmulShapes(ctx.shape(0), ctx.shape(1));
}

/** QLinearMatMul: A at 0, B at 3. */
export function qlinearMatmul(ctx: RuleContext): RuleOutput {
  return matmulShapes(ctx.shape(0), ctx.shape(3));
}
