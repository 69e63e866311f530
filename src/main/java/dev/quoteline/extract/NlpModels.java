package dev.quoteline.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The OpenNLP models, loaded once from the Maven Central model jars. Models are immutable and shared;
 * the ME tools keep per-call state, so each thread gets its own.
 */
final class NlpModels {
    private final SentenceModel sentenceModel;
    private final TokenizerModel tokenizerModel;
    private final POSModel posModel;
    private final ThreadLocal<SentenceDetectorME> sentences;
    private final ThreadLocal<TokenizerME> tokenizers;
    private final ThreadLocal<POSTaggerME> taggers;

    NlpModels() {
        sentenceModel = load("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
        TokenizerModel tokens = load("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
        // The model's own setting asks it to decide, character by character, whether a plain word such as "said" splits
        // anywhere: that was a third of the analysis time, and on PolNeAR train it changed 9 of 726,000 tokens, mostly
        // for the worse ("OLYMPI C", "Fed Ex"). With the optimisation on, only chunks with punctuation ("said,", "U.S.",
        // "Trump's") go through the model.
        tokenizerModel = new TokenizerModel((MaxentModel) tokens.getArtifact("token.model"), Map.of(),
                new TokenizerFactory(tokens.getLanguage(), tokens.getFactory().getAbbreviationDictionary(), true,
                        tokens.getFactory().getAlphaNumericPattern()));
        POSModel beamed = load("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
        // Greedy decoding (beam 1) tags about three times faster than the model's default beam of 3, and the few
        // tags it changes rarely touch what attribution reads (nouns, names and verbs next to a cue).
        posModel = new POSModel(beamed.getLanguage(), (MaxentModel) beamed.getArtifact("pos.model"), 1, Map.of(),
                beamed.getFactory());
        sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(sentenceModel));
        tokenizers = ThreadLocal.withInitial(() -> new TokenizerME(tokenizerModel));
        taggers = ThreadLocal.withInitial(() -> new POSTaggerME(posModel));
    }

    SentenceDetectorME sentenceDetector() {
        return sentences.get();
    }

    TokenizerME tokenizer() {
        return tokenizers.get();
    }

    POSTaggerME tagger() {
        return taggers.get();
    }

    private interface Loader<T> {
        T load(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, Loader<T> loader) {
        try (InputStream in = NlpModels.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("OpenNLP model not on the classpath: " + resource);
            return loader.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
