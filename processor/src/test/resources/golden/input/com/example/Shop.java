package com.example;

import dev.tandem.Action;
import dev.tandem.ActionRejected;
import dev.tandem.Caller;
import dev.tandem.Field;
import dev.tandem.LiveContext;
import dev.tandem.LiveObject;
import dev.tandem.OnCreate;
import dev.tandem.OnTimer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A shop: constructor injection, timers, nullability, plain classes, nested generics. */
@LiveObject("shop")
public class Shop {

    /** A category of goods. */
    public enum Category { FOOD, TOOLS }

    /** A plain class with a getter and setter pair. */
    public static class Basket {
        String owner;
        private List<String> items = new ArrayList<>();

        public Basket() {
        }

        public List<String> getItems() {
            return items;
        }

        public void setItems(List<String> items) {
            this.items = items;
        }
    }

    /** A receipt. */
    public record Receipt(String owner, BigDecimal total, @Nullable String note) {}

    private final PriceList prices;
    private final LiveContext context;

    @Field Map<String, Basket> baskets = new LinkedHashMap<>();
    @Field Map<String, List<Set<Category>>> shelves = new LinkedHashMap<>();
    @Field @Nullable Instant openedAt = null;
    @Field Instant closesAt;
    @Field boolean open;

    public Shop(PriceList prices, LiveContext context) {
        this.prices = prices;
        this.context = context;
    }

    @OnCreate
    void setUp() {
        open = true;
        openedAt = context.now();
        context.schedule("close", Duration.ofHours(8));
    }

    @OnTimer
    void close() {
        open = false;
    }

    /** Puts an item in the caller's basket. */
    @Action
    void add(Caller caller, String item) {
        if (!open) throw new ActionRejected("The shop is closed");
        baskets.computeIfAbsent(caller.userId(), k -> new Basket()).getItems().add(item);
    }

    @Action
    Receipt checkout(Caller caller, @Nullable String note) throws IOException {
        Basket basket = baskets.remove(caller.userId());
        if (basket == null) throw new ActionRejected("Your basket is empty");
        long total = 0;
        for (String item : basket.getItems()) total += prices.priceOf(item);
        return new Receipt(caller.userId(), BigDecimal.valueOf(total, 2), note);
    }
}
