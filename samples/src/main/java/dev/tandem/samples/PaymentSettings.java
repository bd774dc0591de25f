package dev.tandem.samples;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The payment sample's settings, under {@code tandem.samples.payment}: how long a payment may wait
 * for its approvals before it expires, and from which amount it also needs an admin's approval.
 *
 * @param expiry how long a submitted payment waits for approval ({@code PT2M} by default, short for a demo)
 * @param largeAmount from this amount on, a second approval by an admin is needed (10000 by default)
 */
@ConfigurationProperties("tandem.samples.payment")
public record PaymentSettings(
        @Bindable(defaultValue = "PT2M") Duration expiry,
        @Bindable(defaultValue = "10000") BigDecimal largeAmount) {

    public PaymentSettings {
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("tandem.samples.payment.expiry must be a positive duration such as PT2M, not "
                    + expiry);
        }
        if (largeAmount.signum() <= 0) {
            throw new IllegalArgumentException("tandem.samples.payment.large-amount must be positive, not " + largeAmount);
        }
    }
}
