package org.dangan.workflow.resident;

import java.util.Map;
import java.util.TreeMap;
import org.dangan.workflow.registry.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's SMS gateway: one log line per message, with the phone masked and the parameters (the
 * code) in clear, so a demonstrator can sign in as a demo resident. Allowed under the demo profile
 * only ({@link SmsConfiguration}): anywhere else it would put working sign-in codes into the logs.
 */
class LogSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LogSmsSender.class);

    @Override
    public void send(String phone, Kind kind, Map<String, String> parameters) {
        log.info("DEMO-SMS to {} {} {}", PhoneNumber.mask(phone), kind, new TreeMap<>(parameters));
    }
}
