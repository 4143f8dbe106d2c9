import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listSkills } from './learning.service.js';

const SkillList = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), sort: Type.Integer() })),
});

/** The skills framework, read by everyone signed in. */
export const skillRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;
  app.get('/', {
    config: { access: 'authenticated' },
    schema: { tags: ['learning'], summary: 'Skills of the framework, named in the Accept-Language language', response: { 200: SkillList } },
  }, async (request) => ({ items: await listSkills(db, request.lang) }));
};
