import config from '@leshan/eslint-config/react';

export default [...config, { ignores: ['dist/**', 'e2e-screenshots/**', 'static/**'] }];
