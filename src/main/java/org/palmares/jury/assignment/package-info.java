/**
 * The assignment solver: which juror reads which nomination. The solver itself ({@link
 * org.palmares.jury.assignment.AssignmentSolver} and its records) depends on nothing but the JDK, so the jury
 * services, the {@code scripts/assign.sh} command and the tests all run the same code; only the JSON reading and
 * writing of {@link org.palmares.jury.assignment.AssignmentInstance} uses JSON-P.
 */
package org.palmares.jury.assignment;
