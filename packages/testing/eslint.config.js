import config from '@leshan/eslint-config';

export default config;
