/**
 * The measuring machine, described the way the study did ("CPU: quad-core Intel Core i5-2550K, 3.8 GHz;
 * RAM: 16 GB"). Every results file carries this record.
 *
 * @example
 * const env = environmentRecord(); console.log(describeEnvironment(env));
 */
import * as os from 'os';
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../util/atomicWrite';

export interface EnvironmentRecord {
  cpuModel: string;
  /** Logical cores available to this process. */
  cores: number;
  /** Nominal clock in MHz as reported by the OS (0 when unknown). */
  cpuMHz: number;
  memoryBytes: number;
  os: string;
  kernel: string;
  arch: string;
  node: string;
  onnxruntime: string;
  hostname: string;
  /** ISO time the record was taken. */
  takenAt: string;
}

/** The OS's pretty name (from /etc/os-release) or `os.type()`. */
function osName(): string {
  try {
    const text = fs.readFileSync('/etc/os-release', 'utf8');
    const m = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text);
    if (m) return m[1];
  } catch { /* not Linux */ }
  return `${os.type()} ${os.release()}`;
}

/** onnxruntime-node's version, read from its package.json (without loading the native binding). */
function onnxruntimeVersion(): string {
  try {
    const pkg = require.resolve('onnxruntime-node/package.json');
    return JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

/** Nominal clock in MHz: Node's figure, else /proc/cpuinfo's `cpu MHz` (Node reports 0 on some VMs), else 0. */
function cpuMHz(cpus: os.CpuInfo[]): number {
  if (cpus[0]?.speed) return cpus[0].speed;
  try {
    const m = /^cpu MHz\s*:\s*([\d.]+)/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return Math.round(Number(m[1]));
  } catch { /* not Linux */ }
  return 0;
}

export function environmentRecord(): EnvironmentRecord {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    cpuMHz: cpuMHz(cpus),
    memoryBytes: os.totalmem(),
    os: osName(),
    kernel: os.release(),
    arch: os.arch(),
    node: process.version,
    onnxruntime: onnxruntimeVersion(),
    hostname: os.hostname(),
    takenAt: new Date().toISOString(),
  };
}

const CORE_WORDS: Record<number, string> = { 1: 'single', 2: 'dual', 4: 'quad', 6: 'hexa', 8: 'octa' };

/** One line in the study's style: `CPU: dual-core Intel(R) Xeon(R) Processor, 2.3 GHz; RAM: 23.5 GB`. */
export function describeEnvironment(e: EnvironmentRecord): string {
  const cores = CORE_WORDS[e.cores] ? `${CORE_WORDS[e.cores]}-core` : `${e.cores}-core`;
  const ghz = e.cpuMHz > 0 ? `, ${(e.cpuMHz / 1000).toFixed(1)} GHz` : '';
  const gb = (e.memoryBytes / 2 ** 30).toFixed(1);
  return `CPU: ${cores} ${e.cpuModel}${ghz}; RAM: ${gb} GB`;
}

/** The environment as a Markdown document (the content of `environment.md`). */
export function environmentMarkdown(e: EnvironmentRecord): string {
  return [
    '# Measuring environment',
    '',
    describeEnvironment(e),
    '',
    '| what | value |',
    '|---|---|',
    `| CPU | ${e.cpuModel} |`,
    `| cores (available to the process) | ${e.cores} |`,
    `| nominal clock | ${e.cpuMHz > 0 ? `${e.cpuMHz} MHz` : 'unknown'} |`,
    `| memory | ${(e.memoryBytes / 2 ** 30).toFixed(1)} GiB (${e.memoryBytes} bytes) |`,
    `| OS | ${e.os} (kernel ${e.kernel}, ${e.arch}) |`,
    `| Node.js | ${e.node} |`,
    `| onnxruntime-node | ${e.onnxruntime} |`,
    `| recorded | ${e.takenAt} by \`npx layerlab env --write\` |`,
    '',
    'No GPU is used: every figure is onnxruntime\'s CPU execution provider.',
    '',
  ].join('\n');
}

/** Write `environment.md` atomically into `dir`. */
export function writeEnvironmentFile(dir: string, e: EnvironmentRecord): string {
  return writeFileAtomic(path.join(dir, 'environment.md'), environmentMarkdown(e));
}
