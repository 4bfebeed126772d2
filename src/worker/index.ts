import corpus from '../generated/corpus.js';
import { createApp } from './app.js';

export default createApp(corpus);
