/**
 * Images, in one place: where an article's image reference points ({@link ImagePaths}, pure), the
 * file it names inside the articles folder and where it is published ({@link ImageFiles}), what its
 * header says of its size ({@link ImageSize}), each file read once per build ({@link ImageSizes}),
 * the picture saved beside a plain-text article ({@link ImageFiles#companion}), the smaller copies
 * pages offer in {@code srcset} ({@link Renditions}), and the record pages, feeds and structured
 * data describe an image with ({@link ImageInfo}). Depends on {@code model} and {@code text} (the
 * content hash that keys renditions) only; the pipeline's image steps and the page views use it.
 */
package dev.gazette.images;
