/**
 * The study's statements judged against a measurement: pure functions from per-network shares and
 * per-node timings to a verdict (holds / does not hold) with the numbers it rests on.
 *
 * @example
 * const v = judgeStatements(loadPublished().statements, [{ network: 'alexnet', byCategory, byNode }]);
 * v[0] // { id: 'conv-share', verdict: 'does not hold', detail: 'largest convolution share: 48.2% (alexnet) ...' }
 */
import type { NodeTiming, Share } from '../profile/types';
import type { PublishedEnergy, PublishedStatement } from './published';

/** What a verdict needs from one network's profile. */
export interface NetworkMeasurement { network: string; byCategory: Share[]; byNode: NodeTiming[] }

export type VerdictValue = 'holds' | 'does not hold' | 'not measured';

export interface Verdict {
  id: string;
  statement: string;
  verdict: VerdictValue;
  /** The published figure, as text ("70%", "22-23%", "fully connected"). */
  published: string;
  /** The measured figure(s) the verdict rests on, as text. */
  measured: string;
  /** One sentence with the numbers. */
  detail: string;
  /** The configuration measured (e.g. "1 thread"), when given. */
  config?: string;
}

const pct = (x: number) => `${x.toFixed(1)}%`;
const PLATFORMS: Record<string, string> = { pc: 'PC', nexus7: 'Nexus 7' };

/**
 * A category's share of the summed node time in one network, percent (0 when absent). For `cccp`,
 * nodes whose Caffe layer (or name) starts with "cccp" count too when the categories have no `cccp`.
 * @example categoryShare({ network: 'nin', byCategory: [{ type: 'cccp', ms: 2, pct: 22.5, count: 8 }], byNode: [] }, 'cccp') // 22.5
 */
export function categoryShare(m: NetworkMeasurement, category: string): number {
  const s = m.byCategory.filter((c) => c.type === category);
  if (s.length > 0) return s.reduce((a, c) => a + c.pct, 0);
  if (category === 'cccp') return m.byNode.filter((n) => /^cccp/i.test(n.caffeLayer ?? n.node)).reduce((a, n) => a + n.pct, 0);
  return 0;
}

/** The node with the largest median time. */
export function topNode(m: NetworkMeasurement): NodeTiming | undefined {
  return m.byNode.reduce<NodeTiming | undefined>((best, n) => (best === undefined || n.ms > best.ms ? n : best), undefined);
}

function range(s: PublishedStatement): [number, number, string] {
  const tol = s.tolerancePts ?? 0;
  const lo = s.lowPct ?? s.valuePct;
  const hi = s.highPct ?? s.valuePct;
  if (lo === undefined || hi === undefined) throw new Error(`statement "${s.id}": no published percentage (valuePct or lowPct/highPct)`);
  const text = lo === hi ? `${lo}%` : `${lo}-${hi}%`;
  return [lo - tol, hi + tol, text];
}

function missing(s: PublishedStatement, networks: string[], config?: string): Verdict {
  return { id: s.id, statement: s.text, verdict: 'not measured', published: '', measured: '', config,
    detail: `not measured: no profile of ${networks.join(', ')} in this run` };
}

/**
 * Judge one statement against the measurements (those of its networks must be present).
 * @throws Error `invalid statement kind: <kind>` for an unknown kind.
 */
export function judgeStatement(s: PublishedStatement, measurements: NetworkMeasurement[], config?: string): Verdict {
  const mine = s.networks.map((n) => measurements.find((m) => m.network === n)).filter((m): m is NetworkMeasurement => m !== undefined);
  if (mine.length < s.networks.length) return missing(s, s.networks.filter((n) => !mine.some((m) => m.network === n)), config);
  const where = s.platform ? ` on the study's ${PLATFORMS[s.platform] ?? s.platform}` : '';
  switch (s.kind) {
    case 'max-category-share': {
      const [lo, hi, text] = range(s);
      const shares = mine.map((m) => ({ network: m.network, share: categoryShare(m, s.category) }));
      const max = shares.reduce((a, b) => (b.share > a.share ? b : a));
      const ok = max.share >= lo && max.share <= hi;
      return {
        id: s.id, statement: s.text, verdict: ok ? 'holds' : 'does not hold', published: `up to ${text}${where}`, config,
        measured: shares.map((x) => `${x.network} ${pct(x.share)}`).join(', '),
        detail: `${s.category} takes ${shares.map((x) => `${pct(x.share)} in ${x.network}`).join(', ')}; the largest, ${pct(max.share)} (${max.network}), is ${ok ? 'within' : 'outside'} ${lo}-${hi}% (the study's ${text} ± ${s.tolerancePts ?? 0} points)`,
      };
    }
    case 'category-share': {
      const [lo, hi, text] = range(s);
      const m = mine[0];
      const share = categoryShare(m, s.category);
      const ok = share >= lo && share <= hi;
      return {
        id: s.id, statement: s.text, verdict: ok ? 'holds' : 'does not hold', published: `${text}${where}`, measured: `${m.network} ${pct(share)}`, config,
        detail: `${s.category} takes ${pct(share)} of ${m.network}'s node time here, ${ok ? 'within' : 'outside'} ${lo}-${hi}% (the study's ${text}${where} ± ${s.tolerancePts ?? 0} points)`,
      };
    }
    case 'top-node-category': {
      const m = mine[0];
      const top = topNode(m);
      if (!top) return { ...missing(s, [m.network], config), detail: `not measured: ${m.network}'s profile has no nodes` };
      const ok = top.category === s.category;
      const rival = [...m.byNode].filter((n) => n.category !== top.category).sort((a, b) => b.ms - a.ms)[0];
      const name = (n: NodeTiming) => n.caffeLayer ?? n.node;
      return {
        id: s.id, statement: s.text, verdict: ok ? 'holds' : 'does not hold', published: s.category, config,
        measured: `${name(top)} (${top.category}) ${top.ms.toFixed(2)} ms`,
        detail: `${m.network}'s most expensive node is ${name(top)} (${top.category}, ${top.ms.toFixed(2)} ms, ${pct(top.pct)} of node time)` +
          (rival ? `; the most expensive ${rival.category} node is ${name(rival)} (${rival.ms.toFixed(2)} ms, ${pct(rival.pct)})` : ''),
      };
    }
    default:
      throw new Error(`invalid statement kind: ${(s as { kind: string }).kind}`);
  }
}

/**
 * Judge every statement; `config` labels the measured configuration (e.g. "2 threads").
 * @example judgeStatements(pub.statements, measurements, '1 thread').filter((v) => v.verdict === 'holds')
 */
export function judgeStatements(statements: PublishedStatement[], measurements: NetworkMeasurement[], config?: string): Verdict[] {
  return statements.map((s) => judgeStatement(s, measurements, config));
}

/**
 * The study's energy figures: not measurable here (no power meter), said so explicitly.
 * @example energyVerdicts(pub.energy)[0].verdict // 'not measured'
 */
export function energyVerdicts(energy: PublishedEnergy[]): Verdict[] {
  return energy.map((e) => ({
    id: `energy-${e.network}`, statement: `${e.network} takes ${e.joulesPerInference} J per inference.`, verdict: 'not measured' as const,
    published: `${e.joulesPerInference} J`, measured: '',
    detail: 'not measured: this machine has no power meter, and energy is not estimated from time',
  }));
}

/**
 * The verdicts as sentences, one per configuration: which statements hold, which do not, with the numbers.
 * @example verdictSummary(v) // '1 thread — holds: nin-cccp-share (...); does not hold: googlenet-lrn-share-pc (...)'
 */
export function verdictSummary(verdicts: Verdict[]): string {
  const configs = [...new Set(verdicts.map((v) => v.config ?? ''))];
  return configs.map((c) => {
    const mine = verdicts.filter((v) => (v.config ?? '') === c);
    const part = (kind: VerdictValue) => {
      const vs = mine.filter((v) => v.verdict === kind);
      return vs.length === 0 ? `${kind}: none` : `${kind} (${vs.length}):\n${vs.map((v) => `  - ${v.statement} Here: ${v.detail}.`).join('\n')}`;
    };
    return `${c ? `${c} — ` : ''}of the study's ${mine.length} statements on layer shares\n${part('holds')}\n${part('does not hold')}` +
      (mine.some((v) => v.verdict === 'not measured') ? `\n${part('not measured')}` : '');
  }).join('\n\n');
}
