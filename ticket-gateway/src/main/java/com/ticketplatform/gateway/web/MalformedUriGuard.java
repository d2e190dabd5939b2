package com.ticketplatform.gateway.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request target that is not a valid URI (a broken percent-escape such as {@code ?q=%zz}) is refused by Spring's
 * Reactor Netty adapter with an empty 400 before any filter could answer. This guard sits in the Netty pipeline right
 * after the HTTP decoder and checks the target the same way; a broken one is replaced by {@link #MALFORMED_PATH},
 * which {@link MalformedUriFilter} answers with a 400 problem ({@code MALFORMED_REQUEST}). Answering through the
 * normal path leaves the connection to Reactor Netty: it stays open for the client's next request, as after any
 * other refusal.
 */
@Component
class MalformedUriGuard implements NettyServerCustomizer {

  static final String HANDLER = "ticket.malformedUriGuard";
  /** What a malformed request target becomes; never a route. */
  static final String MALFORMED_PATH = "/__malformed-request-target";

  @Override
  public HttpServer apply(HttpServer server) {
    return server.doOnChannelInit((observer, channel, remote) -> {
      if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
        channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Handler());
      }
    });
  }

  static boolean isValid(String target) {
    try {
      new URI(target);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static final class Handler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest request && !isValid(request.uri())) {
        request.setUri(MALFORMED_PATH);
      }
      ctx.fireChannelRead(msg);
    }
  }
}
