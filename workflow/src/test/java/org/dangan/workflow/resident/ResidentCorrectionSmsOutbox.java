package org.dangan.workflow.resident;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * The tests' SMS gateway until the resident sign-in branch brings the real senders: keeps each
 * message so a test can read the code sent to a number, as a resident reads their phone.
 */
@Component
public class ResidentCorrectionSmsOutbox implements SmsSender {

    public record Message(String phone, Kind kind, Map<String, String> parameters) {}

    private final List<Message> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(String phone, Kind kind, Map<String, String> parameters) {
        sent.add(new Message(phone, kind, Map.copyOf(parameters)));
    }

    public List<Message> to(String phone) {
        return sent.stream().filter(m -> m.phone().equals(phone)).toList();
    }
}
