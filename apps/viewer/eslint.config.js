import config from '@leshan/eslint-config';

export default [...config, { ignores: ['dist/**', 'e2e-screenshots/**', 'static/**'] }];
