/** The small marks the console uses everywhere: notice colours, levels, statuses, scores, times. */
import { useEffect, useState } from 'react';
import type { AlertLevel, AlertStatus } from '../api/types';
import { absoluteTime, percent, relativeTime, statusLabel } from '../format/labels';

const COLOUR_NAMES: Record<string, string> = {
  red: 'Red',
  yellow: 'Yellow',
  blue: 'Blue',
  black: 'Black',
  green: 'Green',
  orange: 'Orange',
  purple: 'Purple',
  silver: 'Silver',
  un_special: 'UN Special',
};

export function NoticeChip({ colour }: { colour: string | null | undefined }) {
  if (!colour) return null;
  return (
    <span className={`chip notice notice-${colour}`} title={`${COLOUR_NAMES[colour] ?? colour} Notice`}>
      <span className="swatch" aria-hidden="true" />
      {COLOUR_NAMES[colour] ?? colour} Notice
    </span>
  );
}

export function LevelChip({ level, score }: { level: AlertLevel; score?: number }) {
  return (
    <span className={`chip level level-${level}`}>
      {level === 'hit' ? 'Hit' : level === 'link' ? 'Link' : 'Possible'}
      {score !== undefined && <span className="chip-score">{percent(score)}</span>}
    </span>
  );
}

export function StatusBadge({ status }: { status: AlertStatus }) {
  return <span className={`badge status-${status}`}>{statusLabel(status)}</span>;
}

/** A relative time that keeps itself current, with the exact UTC time on hover. */
export function When({ at, prefix }: { at: string; prefix?: string }) {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={at} title={absoluteTime(at)}>
      {prefix ? `${prefix} ` : ''}
      {relativeTime(at)}
    </time>
  );
}

export function ScoreBar({ score, label }: { score: number; label?: string }) {
  const band = score >= 0.85 ? 'strong' : score >= 0.6 ? 'medium' : 'weak';
  return (
    <span
      className={`scorebar ${band}`}
      role="meter"
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={score}
      aria-label={label ?? 'score'}
    >
      <span className="scorebar-fill" style={{ width: `${Math.max(0, Math.min(1, score)) * 100}%` }} />
    </span>
  );
}
