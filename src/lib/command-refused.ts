/**
 * A command line refusal: the `doorstep` command prints its message alone (no stack), since it
 * tells the operator what to do. Backup, restore and the scenario raise their own kinds of it.
 */
export class CommandRefused extends Error {}
