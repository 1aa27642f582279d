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
