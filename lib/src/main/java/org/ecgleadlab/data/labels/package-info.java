/**
 * The one table from the label codes of public 12-lead datasets (SNOMED CT, the Challenge's, PTB-XL's SCP codes) to the
 * six conditions ({@code ConditionCodes}, {@code ScpCodes}), and the tally of codes that name none of them
 * ({@code LabelTally}).
 *
 * <p>May import: {@code util} and the other {@code data} packages (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.data.labels;
