import { sql, type Kysely } from 'kysely';

/**
 * A skill check in more than one language: the bank in skill_check_settings stays the Vietnamese
 * one (the fallback); each other language a province writes questions in gets its bank here.
 * A learner reading English draws from the English bank, and from the Vietnamese one when the
 * check has no English bank.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table skill_check_banks (
      skill_code text not null references skill_check_settings (skill_code) on delete cascade on update cascade,
      lang text not null check (lang ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$' and lang <> 'vi'),
      bank_id uuid not null references question_banks (id),
      primary key (skill_code, lang)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table skill_check_banks`.execute(db);
}
