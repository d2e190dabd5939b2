/**
 * Contracts between services: one sub-package per provider ({@code client.program}, {@code client.pay}, ...) with
 * its {@code @FeignClient} interface and record DTOs. The provider's controller is tested against the interface, so
 * caller and provider cannot drift apart.
 */
package com.ticketplatform.client;
