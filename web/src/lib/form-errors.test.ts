import { expect, test } from 'vitest';
import { ApiError } from './api';
import { formErrorsOf } from './form-errors';

const fields = (path: string) => ({ value: 'value', comment: 'comment' })[path];

test('the server message goes beside the form field its path names', () => {
  expect(formErrorsOf(new ApiError(400, 'VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ', 'comment'), fields))
    .toEqual({ fields: { comment: 'Dữ liệu gửi lên không hợp lệ' } });
  expect(formErrorsOf(new ApiError(400, 'VALIDATION_FAILED', 'Bad', 'body.value'), fields)).toEqual({ fields: { value: 'Bad' } });
});

test('a path the form does not know becomes a sentence above the form, never the path itself', () => {
  const errors = formErrorsOf(new ApiError(400, 'VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ', 'items[0].data.nationalId'), fields);
  expect(errors).toEqual({ fields: {}, general: 'Dữ liệu gửi lên không hợp lệ' });
  expect(JSON.stringify(errors)).not.toContain('nationalId');
});
