/**
 * ECG Lead Lab: a Java reproduction of the reduced-lead ECG paper (LGA-ECG on CODE-15%, lead ranking by four
 * interpretability methods, adaptation to the Top-k leads). The root holds only {@code Dependencies}, lib's runtime
 * dependencies as JBang {@code //DEPS} lines; the packages below it form layers, lowest first: {@code util},
 * {@code data}, {@code model} and {@code metrics}, {@code report}, {@code train} and {@code measure}, {@code explain}
 * and {@code evaluate}, {@code adapt}, {@code subsets}, {@code bench} and {@code notebook}, {@code cli}.
 *
 * <p>May import: nothing of lib (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab;
