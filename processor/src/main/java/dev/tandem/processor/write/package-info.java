/**
 * Writers: each turns a {@link dev.tandem.processor.model.LiveObjectModel} into one generated file
 * (Java source with JavaPoet, or a resource). Writers never see the compiler's round environment.
 */
package dev.tandem.processor.write;
