package com.example;

/** An application bean, injected into a live object's constructor. */
public interface PriceList {
    long priceOf(String item);
}
