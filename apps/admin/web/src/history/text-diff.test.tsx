import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { diffText } from '@leshan/report-core';
import { TextDiff } from './text-diff.js';

describe('TextDiff', () => {
  it('marks deleted and inserted Chinese characters and names them for screen readers', () => {
    const { container } = render(
      <TextDiff ops={diffText('新建高速公路200公里。', '新建高速公路300公里以上。')} />,
    );
    expect([...container.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['[删除：2]']);
    expect([...container.querySelectorAll('ins')].map((d) => d.textContent)).toEqual([
      '[新增：3]',
      '[新增：以上]',
    ]);
    expect(
      container.textContent?.replace(/\[删除：[^\]]*\]/g, '').replace(/\[新增：([^\]]*)\]/g, '$1'),
    ).toBe('新建高速公路300公里以上。');
  });
});
