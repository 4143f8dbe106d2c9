import { sql, type Kysely } from 'kysely';

/**
 * The skills framework as data: by default the "5 basic digital skills" of the community teams'
 * letter 3240/BTTTT. It belongs to the learning module, which will make it editable.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table skills (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_vi text not null,
      name_en text not null,
      sort integer not null
    )`.execute(db);
  await sql`
    insert into skills (code, name_vi, name_en, sort) values
      ('public_services', 'Sử dụng dịch vụ công trực tuyến', 'Using online public services', 10),
      ('online_shopping', 'Mua sắm trực tuyến', 'Online shopping', 20),
      ('online_payment', 'Thanh toán trực tuyến', 'Online payment', 30),
      ('online_safety', 'Bảo vệ bản thân trên môi trường mạng', 'Protecting oneself online', 40),
      ('local_platforms', 'Sử dụng các nền tảng số phù hợp với địa phương', 'Using digital platforms suited to the locality', 50)
  `.execute(db);
}
