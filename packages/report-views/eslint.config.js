import config from '@leshan/eslint-config/react';

export default config;
