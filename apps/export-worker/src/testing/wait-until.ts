// The shared helper, under the path the worker's tests import it from.
export { waitUntil } from '@leshan/testing/wait';
