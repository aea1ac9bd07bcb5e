/** Column or field names that mark epoch numbers as the time axis ("time", "timestamp [ms]", "ts"). */
export const TIME_NAMES =
  /^(time|timestamp|time_?stamp|datetime|date_?time|date|ts|epoch|t)(\s*[[(].*[\])])?$/i;
