import config from '@leshan/eslint-config';

export default [...config, { ignores: ['e2e-screenshots/**', 'results/**'] }];
