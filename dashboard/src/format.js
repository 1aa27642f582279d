// Numbers as the chosen language writes them.
import { language } from './i18n.js';

export function percent(value, digits = 1) {
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: digits }).format(value ?? 0);
}

export function number(value, digits = 0) {
  return new Intl.NumberFormat(language(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value ?? 0);
}

/** A score: whole numbers as such, means with one decimal. */
export function score(value) {
  return Number.isInteger(value) ? number(value) : number(value, 1);
}

/** An instant's day, in Zhejiang's time zone whatever the browser's. */
export function day(instant) {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(new Date(instant));
}

/** An instant's time of day (hours, minutes, seconds), in the browser's time zone. */
export function clock(instant) {
  return new Intl.DateTimeFormat(language(), { timeStyle: 'medium' }).format(new Date(instant));
}

/** Rubric points: as entered, to two decimals at most (an expert may give 9.25). */
export function points(value) {
  return new Intl.NumberFormat(language(), { maximumFractionDigits: 2 }).format(value ?? 0);
}
