import { Format } from 'typebox/format';
import { isCalendarDay, isInstant } from '../lib/calendar-text.js';
import { isUuidText } from '../lib/uuid-text.js';

/**
 * The `date`, `date-time` and `uuid` formats every schema uses (src/lib/calendar-text.ts,
 * src/lib/uuid-text.ts), stricter than RFC 3339 alone. The same checks serve ajv (routes,
 * validators.ts) and TypeBox's compiler (sync items), whose registry is global: the sync items'
 * compiled checks read it when they run.
 */
Format.Set('date', isCalendarDay);
Format.Set('date-time', isInstant);
// Its own is a case-blind pattern, 120 ns a check; a visit names three ids.
Format.Set('uuid', isUuidText);
