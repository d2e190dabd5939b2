package com.ticketplatform.client.pay;

public record PaymentStartView(String paymentId, String payUrl) {}
