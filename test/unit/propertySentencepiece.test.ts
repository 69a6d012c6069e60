// Random-string differential tests; the harness and generators live in test/fixtures/corpus.
import { describeDifferentialProperty } from '../fixtures/corpus/differential';

describeDifferentialProperty('mistral-sp-v1');
describeDifferentialProperty('mistral-sp-v3');
describeDifferentialProperty('mistral-sp-v7');
