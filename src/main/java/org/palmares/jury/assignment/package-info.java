/**
 * The pure assignment solver: which juror reads which nomination. Depends on nothing but the JDK, so the jury
 * services, the {@code assign.sh} script and the tests all run the same code.
 */
package org.palmares.jury.assignment;
