// The barometer's line: 0 = håller INTE med (left), 100 = håller med (right).
import { t } from "../common.js";

export function region(value) {
  if (value >= 67) return t("agree");
  if (value <= 33) return t("disagree");
  return t("middle");
}

export function valueText(value) {
  return t("value_text", { value, region: region(value).toLowerCase() });
}
