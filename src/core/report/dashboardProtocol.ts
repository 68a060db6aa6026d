import { FORM_TITLES } from './benchmarkFormat';
import { Dashboard } from './dashboard';
import { BenchmarkForm } from './gaps';

/**
 * The messages between the dashboard's webview and the extension. The webview only ever names a
 * receipt by its id in the dashboard it was sent, a form, or a quarter label: never a path or a
 * command, so it cannot make the extension open anything outside the evidence set.
 */

/** Webview → extension. */
export type DashboardRequest =
  /** The page is loaded and listening; `quarter` is the one it showed before (from its saved state). */
  | { type: 'ready'; quarter?: string }
  /** Open a receipt: a document, a pull request's page, or copy a commit id. */
  | { type: 'openReceipt'; id: number }
  /** Ask which quarter to show (a quick pick). */
  | { type: 'pickQuarter' }
  /** Start the next step of a form below its target (its gap's action). */
  | { type: 'closeGap'; form: BenchmarkForm }
  /** The page drew the dashboard it was sent: `charts` canvases. */
  | { type: 'rendered'; charts: number }
  /** The page was refused something by its Content-Security-Policy (`securitypolicyviolation`): logged. */
  | { type: 'cspViolation'; directive: string };

/** Extension → webview. */
export type DashboardUpdate =
  | { type: 'loading'; quarter: string }
  | { type: 'dashboard'; dashboard: Dashboard; strings?: Record<string, string> }
  | { type: 'unavailable'; quarter: string; reason: string };

/** The webview's saved state (`getState`/`setState`, and a `WebviewPanelSerializer`'s `state`). */
export interface DashboardState {
  quarter?: string;
}

const FORMS: readonly string[] = Object.keys(FORM_TITLES);
const QUARTER = /^\d{4}-Q[1-4]$/;

/** Receipt ids are indexes: non-negative integers, bounded so a huge number is never taken as one. */
const MAX_RECEIPT_ID = 1_000_000;

/**
 * Reads a message from the webview: the request it is, or a sentence saying why it is none (an
 * unknown type, a missing or malformed field, or fields beyond those the type has). Never throws.
 */
export function readDashboardRequest(raw: unknown): DashboardRequest | { invalid: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { invalid: 'not an object' };
  const m = raw as Record<string, unknown>;
  const only = (...keys: string[]) => Object.keys(m).every((k) => k === 'type' || keys.includes(k));
  switch (m.type) {
    case 'ready':
      if (!only('quarter')) return { invalid: 'unexpected fields' };
      if (m.quarter === undefined) return { type: 'ready' };
      return typeof m.quarter === 'string' && QUARTER.test(m.quarter) ? { type: 'ready', quarter: m.quarter } : { invalid: 'bad quarter' };
    case 'openReceipt':
      if (!only('id')) return { invalid: 'unexpected fields' };
      return Number.isInteger(m.id) && (m.id as number) >= 0 && (m.id as number) < MAX_RECEIPT_ID
        ? { type: 'openReceipt', id: m.id as number }
        : { invalid: 'bad receipt id' };
    case 'pickQuarter':
      return only() ? { type: 'pickQuarter' } : { invalid: 'unexpected fields' };
    case 'closeGap':
      if (!only('form')) return { invalid: 'unexpected fields' };
      return typeof m.form === 'string' && FORMS.includes(m.form)
        ? { type: 'closeGap', form: m.form as BenchmarkForm }
        : { invalid: 'bad form' };
    case 'rendered':
      if (!only('charts')) return { invalid: 'unexpected fields' };
      return Number.isInteger(m.charts) && (m.charts as number) >= 0 && (m.charts as number) < 1000
        ? { type: 'rendered', charts: m.charts as number }
        : { invalid: 'bad chart count' };
    case 'cspViolation':
      if (!only('directive')) return { invalid: 'unexpected fields' };
      return typeof m.directive === 'string' && /^[a-z-]{1,40}$/.test(m.directive)
        ? { type: 'cspViolation', directive: m.directive }
        : { invalid: 'bad directive' };
    default:
      return { invalid: `unknown type ${JSON.stringify(String(m.type)).slice(0, 40)}` };
  }
}

/** The quarter of a saved state, when it is one (`YYYY-Qn`); anything else is dropped. */
export function readDashboardState(raw: unknown): DashboardState {
  const q = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).quarter : undefined;
  return typeof q === 'string' && QUARTER.test(q) ? { quarter: q } : {};
}
