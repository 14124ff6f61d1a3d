package org.palmares.edition;

import java.util.stream.Collectors;
import org.palmares.platform.DomainException;
import org.palmares.platform.Messages;

/** An action the edition's phase does not allow; says which phases would. */
public class PhaseClosed extends DomainException {
    private final EditionAction action;
    private final Phase phase;

    public PhaseClosed(EditionAction action, Phase phase) {
        super(
                409,
                "phase.closed",
                new Messages.Key(action.messageKey()),
                new Messages.Key("phase." + phase.name()),
                new Messages.Keys(
                        action.phases().stream().map(p -> "phase." + p.name()).collect(Collectors.toList())));
        this.action = action;
        this.phase = phase;
    }

    public EditionAction action() {
        return action;
    }

    public Phase phase() {
        return phase;
    }
}
